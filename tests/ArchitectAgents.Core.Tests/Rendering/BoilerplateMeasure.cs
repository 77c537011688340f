using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Tests.Rendering;

/// <summary>
/// The measure of bench/boilerplate.py in C#, so a test can hold the figure without Python: the share of
/// architecture.md sentences that appear word for word in at least <see cref="Threshold"/> other briefs' reports.
/// Table rows and list items count as sentences; headings, table header rows, code fences and sentences under
/// four words do not. Keep the two in step: the bench script is what the README quotes.
/// </summary>
internal static partial class BoilerplateMeasure
{
    public const int Threshold = 3;

    /// <summary>Shared and total sentence counts over all reports, plus each report's shared count.</summary>
    public static (int Shared, int Total, Dictionary<string, (int Shared, int Total)> PerReport) Measure(IReadOnlyDictionary<string, string> reports)
    {
        var sentences = reports.ToDictionary(r => r.Key, r => Sentences(r.Value), StringComparer.Ordinal);
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, list) in sentences)
        {
            foreach (var s in list)
            {
                (seen.TryGetValue(s, out var names) ? names : seen[s] = new HashSet<string>(StringComparer.Ordinal)).Add(name);
            }
        }

        var per = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var (name, list) in sentences)
        {
            per[name] = (list.Count(s => seen[s].Count(n => n != name) >= Threshold), list.Count);
        }

        return (per.Values.Sum(v => v.Item1), per.Values.Sum(v => v.Item2), per);
    }

    public static List<string> Sentences(string text)
    {
        var result = new List<string>();
        var inCode = false;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            var next = i + 1 < lines.Length ? lines[i + 1].Trim() : "";

            // A table's header row and its |---| separator are layout, not sentences.
            if (trimmed.StartsWith('|') && (Separator().IsMatch(next) || Separator().IsMatch(trimmed)))
            {
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (inCode || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            line = Markup().Replace(line, " ");
            line = ListMarker().Replace(line, "");
            foreach (var part in SentenceEnd().Split(line))
            {
                var s = Spaces().Replace(part, " ").Trim(' ', '-', ':');
                if (s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4)
                {
                    result.Add(s);
                }
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\|[-:| ]+\|?$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"[*_`|>]")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^\s*(?:[-+]|\d+\.)\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(?<=[.!?;])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
