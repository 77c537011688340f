using System.Globalization;
using System.Text;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Rendering;

/// <summary>The traceability matrix as a table a person can read, grouped by kind of requirement, unmet rows first.</summary>
internal static class TraceabilityMarkdown
{
    private static readonly string[] Order = ["use-case", "figure", "quality-target", "constraint", "compliance", "decision", "grounding", "statement"];

    public static void Append(StringBuilder sb, IReadOnlyList<TraceRow> rows)
    {
        sb.Append("## Traceability\n\n");
        if (rows.Count == 0)
        {
            sb.Append("No requirements model to trace (the brief stated no use case, figure, constraint or decision the reader could find).\n\n");
            return;
        }

        sb.Append(Coverage(rows)).Append(" Computed from the document: a row is served when an operation, table, component, capability, passage or cost line of the design carries it.\n\n");
        Md.Table(sb, ["Requirement", "Kind", "Status", "Served by", "Brief's words", "Note"], rows
            .OrderBy(r => Array.IndexOf(Order, r.Kind)).ThenBy(r => r.Status == TraceStatus.Unserved ? 0 : 1)
            .Select(r => new[] { $"{r.RequirementId}: {r.Requirement}", r.Kind, r.Status.ToString().ToLowerInvariant(), string.Join("; ", r.ServedBy), r.Words, r.Note }));
    }

    /// <summary>"Traceability: 7 of 9 use cases, 8 of 10 figures, … served."</summary>
    public static string Coverage(IReadOnlyList<TraceRow> rows)
    {
        if (rows.Count == 0)
        {
            return "";
        }

        var parts = Order.Select(kind => rows.Where(r => r.Kind == kind).ToList()).Where(g => g.Count > 0)
            .Select(g => $"{g.Count(r => r.Status != TraceStatus.Unserved).ToString(CultureInfo.InvariantCulture)} of {g.Count.ToString(CultureInfo.InvariantCulture)} {Plural(g[0].Kind)}");
        return $"Traceability: {string.Join(", ", parts)} (served, departed from with a reason, or flagged).";
    }

    private static string Plural(string kind) => kind switch
    {
        "use-case" => "use cases",
        "quality-target" => "quality targets",
        "compliance" => "compliance clauses",
        "grounding" => "tables grounded in the brief",
        "statement" => "requirement sentences read",
        _ => kind + "s",
    };
}
