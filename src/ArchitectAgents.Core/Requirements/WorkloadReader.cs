using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>Workload shapes from the brief's words and figures, each with the words that show it.</summary>
public static partial class WorkloadReader
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly (string Shape, Regex Pattern)[] Shapes =
    [
        ("spiky", new Regex(@"\bspik(?:e|es|y)\b|\bbursts?\b|\bpeak(?:s|ing)?\b|\bpic\b|\bpico\b|\brush\b|on-?sales?\b|\bbrutal\b|promo(?:tion)?\s+e-?mail|\bpayday\b|falls\s+over|could\s+get\s+busy|mention\s+us\s+on\s+TV|\bsurge|in\s+the\s+first\s+\d+\s+minutes|\b\d+(?:[.,]\d+)?k?\s+(?:people|users|students|fans)\s+(?:trying|hit|hitting)", Opts)),
        ("steady", new Regex(@"\bsteady\b|\bconstant(?:ly)?\b|\bevenly\b|\bflat\s+load|\bquiet\b", Opts)),
        ("batch", new Regex(@"\bnightly\b|\beach\s+night\b|\bevery\s+night\b|cada\s+noche|chaque\s+nuit|\bbatch\b|\bvolcado\b|\bdump\b|\bovernight\b|month-end|by\s+the\s+next\s+morning|\bcron\b|\bnoche\b", Opts)),
        ("real-time", new Regex(@"real[- ]time|\binstant(?:ly)?\b|\bpresence\b|\bmobile\s+push\b|\bwebsockets?\b|temps\s+réel|tiempo\s+real|feel\s+instant|\blive\s+(?:updates?|scores?|tracking|chat)", Opts)),
        ("offline-first", new Regex(@"\boffline\b|\bpatchy\b|wi-?fi\b[^.]{0,40}\b(?:down|drops?|tombe|patchy|lost|cae)|hors\s+ligne|sin\s+conexi[oó]n|\bcoverage\b|intermittent\s+(?:network|connectivity)", Opts)),
        ("geo-distributed", new Regex(@"\bacross\s+(?:\d+|several|many|multiple)\s+(?:\w+\s+)?(?:countries|regions|continents)|\bin\s+\d+\s+(?:\w+\s+)?countries\b|\bworldwide\b|\bglobal(?:ly)?\b|multi[- ]region|offices\s+in\s+[^.]*,\s*[^.]*\band\b|in\s+any\s+of\s+our\s+countries", Opts)),
        ("read-heavy", new Regex(@"\boutnumber|read[- ]heavy|\bmostly\s+reads?\b|\bpoll(?:s|ing)?\b|\bbrowse|\bbrowsing\b|haven't\s+changed|\bpull\s+our\s+catalogue|\bsearch(?:es)?\b[^.]{0,30}\bagainst\b", Opts)),
        ("write-heavy", new Regex(@"write[- ]heavy|\bingest|\btelemetry\b|\breadings\b|\blecturas\b|mostly\s+data\s+entry|\bevery\s+\d+\s*(?:s|sec|seconds)\b", Opts)),
        ("event-driven", new Regex(@"\bconsume\s+(?:\w+\s+){0,3}(?:changes|events)|\bbe\s+told\s+when\b|\bwebhooks?\b|\bstatus\s+changes\b|\bevent[- ]driven\b|\bpublish(?:es)?\s+events?|\bsubscribe", Opts)),
    ];

    /// <summary>The shapes the sentences show, the first specific evidence of each.</summary>
    public static List<WorkloadShape> Read(IEnumerable<string> sentences, IReadOnlyList<Figure> figures)
    {
        var shapes = new List<WorkloadShape>();
        foreach (var sentence in sentences)
        {
            foreach (var (shape, pattern) in Shapes)
            {
                if (!pattern.IsMatch(sentence))
                {
                    continue;
                }

                // A heading ("# On-sale platform") or a sentence without a figure is weak evidence: a later sentence
                // that shows the same shape with a figure or a time ("400k people … at 10:00 sharp") replaces it.
                if (shapes.FirstOrDefault(s => s.Shape == shape) is not { } seen)
                {
                    shapes.Add(new WorkloadShape { Shape = shape, Evidence = sentence });
                }
                else if ((seen.Evidence.StartsWith('#') || !seen.Evidence.Any(char.IsDigit)) && sentence.Any(char.IsDigit) && !sentence.StartsWith('#'))
                {
                    seen.Evidence = sentence;
                }
            }
        }

        // A stated read/write ratio decides read-heavy even without the words.
        if (shapes.All(s => s.Shape != "read-heavy") && figures.FirstOrDefault(f => f.Unit == "x" && f.Value >= 5 && ReadRatio().IsMatch(f.Text + " " + f.Quantity)) is { } ratio)
        {
            shapes.Add(new WorkloadShape { Shape = "read-heavy", Evidence = ratio.Text });
        }

        // "Steady" and "spiky" both stated: the brief means steady between spikes, which is spiky for sizing.
        return shapes;
    }

    [GeneratedRegex(@"search|read|view|outnumber|brows", RegexOptions.IgnoreCase)]
    private static partial Regex ReadRatio();
}
