using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Requirements;
using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// How much of the brief the design could be checked against: each sentence of the brief that states an obligation,
/// a wish or a rule ("must", "should", "never", "within", and their French, Spanish and German forms, from
/// statements.json) is traced to the elements of the requirements model read from it. A requirement sentence that
/// gave the model nothing is one no part of the design is known to serve: the trace of the other kinds cannot see it,
/// so it is counted here.
/// </summary>
internal static partial class StatementTrace
{
    private sealed class Data
    {
        public List<string> ObligationWords { get; set; } = [];
    }

    private static readonly Lazy<Regex> Obligation = new(() =>
    {
        var words = KnowledgeFile.Read<Data>("statements").ObligationWords
            .Select(w => w.EndsWith('*') ? Regex.Escape(w[..^1]) + @"\p{L}*" : Regex.Escape(w));
        return new Regex($@"(?<!\p{{L}})(?:{string.Join('|', words)})(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    });

    private const int MaxSentences = 200;

    public static IEnumerable<TraceRow> Rows(DesignDocument document)
    {
        var model = document.Context!.Requirements;
        var quotes = model.UseCases.Select(u => u.Text)
            .Concat(model.Figures.Where(f => !f.Derived).Select(f => f.Text))
            .Concat(model.QualityTargets.Select(q => q.Text))
            .Concat(model.Constraints.Select(c => c.Text))
            .Concat(model.ExistingDecisions.Select(d => d.Text))
            .Concat(model.Workload.Select(w => w.Evidence))
            .Concat(model.Entities.Select(e => e.Text))
            .Concat(model.InstructionAttempts.Select(i => i.Text))
            .Where(q => !string.IsNullOrWhiteSpace(q)).Select(Normal).ToList();
        var i = 0;
        foreach (var sentence in Sentences(document.Brief?.Text ?? "").Where(s => Obligation.Value.IsMatch(s)).Take(MaxSentences))
        {
            i++;
            var normal = Normal(sentence);
            var read = quotes.Where(q => normal.Contains(q, StringComparison.Ordinal) || q.Contains(normal, StringComparison.Ordinal)).ToList();
            yield return new TraceRow
            {
                RequirementId = $"statement-{i}",
                Kind = "statement",
                Requirement = sentence.Length <= 100 ? sentence : sentence[..97] + "…",
                Words = sentence,
                Status = read.Count > 0 ? TraceStatus.Served : TraceStatus.Unserved,
                Blocking = false,
                ServedBy = read.Count > 0 ? [$"{read.Count} element(s) of the requirements model"] : [],
                Note = read.Count > 0 ? "" : "the reader took no use case, figure, target, constraint or decision from it, so nothing shows the design serves it",
            };
        }
    }

    // Sentences of the brief's prose and list items (headings and table rows carry no obligation of their own).
    private static IEnumerable<string> Sentences(string text) =>
        BriefText.Blocks(text).Where(b => b.Kind is "paragraph" or "item")
            .SelectMany(b => SentenceEnd().Split(b.Text)).Select(s => s.Trim()).Where(s => s.Length >= 12);

    private static string Normal(string text) => Space().Replace(text.ToLowerInvariant(), " ").Trim().TrimEnd('.', ';', ':', '!');

    [GeneratedRegex(@"(?<=[.!?;])\s+(?=\P{Ll})")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
