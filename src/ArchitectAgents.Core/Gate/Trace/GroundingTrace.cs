using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// The reverse trace: every table of the schema is grounded in the brief (its head word is a word of the brief, of
/// an answer or of the requirements model) or added by a security control of the knowledge base (consent records,
/// role assignments, audit log). A table that is neither is scope the brief never asked for, the mark of a template
/// filled in instead of a design of this brief.
/// </summary>
internal static class GroundingTrace
{
    private static readonly Lazy<Dictionary<string, string>> ControlTables = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { ["users"] = "sign-in (every design keeps its users)" };
        foreach (var control in KnowledgeBase.Default.Controls.Controls)
        {
            foreach (var table in SqlSchema.Read(control.Remedy.Ddl).Tables)
            {
                map.TryAdd(table, $"control {control.Id}");
            }
        }

        return map;
    });

    // A keyword the knowledge base lists for the entity behind the table ("staff" for employees), found in the brief.
    private static string? Synonym(string table, string brief) =>
        KnowledgeBase.Default.Entities.Entities.Where(e => e.Table == table || e.Name == table || Requirements.Inflection.Plural(e.Name) == table)
            .SelectMany(e => e.Keywords).FirstOrDefault(k => Offline.ExistingStack.Mentions(brief, k));

    public static IEnumerable<TraceRow> Rows(DesignDocument document, TraceScope scope)
    {
        var context = document.Context!;
        var model = context.Requirements;
        var briefWords = TraceWords.Of(string.Join('\n', [
            document.Brief?.Text ?? "",
            .. document.Brief?.Attachments.Select(a => a.Content) ?? [],
            .. context.Questions.Select(q => q.Answer ?? ""),
            .. model.Entities.Select(e => e.Name),
            .. model.UseCases.Select(u => u.Object),
            .. model.Nouns,
        ]));
        var briefText = document.Brief?.Text ?? "";
        // A capability's mechanism adds its tables (seat_holds, payment_events) because the model called for the capability.
        var mechanismTables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var capability in document.Design?.Capabilities ?? [])
        {
            foreach (var t in capability.Tables)
            {
                mechanismTables.TryAdd(t, $"capability '{capability.Name}' ({capability.Because})");
            }
        }

        foreach (var table in scope.View.Schema.Tables)
        {
            var words = TraceWords.Content(table.Replace('_', ' '));
            var head = words.LastOrDefault() ?? table;
            string? by = ControlTables.Value.TryGetValue(table, out var control) ? control
                : mechanismTables.TryGetValue(table, out var mechanism) ? mechanism
                : briefWords.Contains(head) ? $"the brief's word '{head}'"
                : briefWords.FirstOrDefault(w => TraceWords.SameStem(w, head)) is { } near ? $"the brief's word '{near}'"
                : Synonym(table, briefText) is { } synonym ? $"the brief's word '{synonym}' (a synonym of {head} in the knowledge base)"
                : null;
            yield return new TraceRow
            {
                RequirementId = "table-" + table,
                Kind = "grounding",
                Requirement = $"table {table}",
                Words = "",
                Status = by is null ? TraceStatus.Unserved : TraceStatus.Served,
                ServedBy = by is null ? [] : [by],
                Note = by is null ? $"no word of the brief, its answers or its requirements names '{head}', and no control adds it" : "",
            };
        }
    }
}
