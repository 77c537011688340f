using System.Globalization;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// The gate items measured on the traceability matrix, one per kind of requirement, each saying how many are served
/// and naming those that are not. Use cases below <see cref="UseCaseThreshold"/>, an unserved constraint or
/// compliance clause, an existing decision neither kept nor departed from, no use case read from a long brief, a
/// table the brief never asked for, or most of its requirement sentences unread fail the design.
/// </summary>
public static class TraceItems
{
    /// <summary>Item kind of the trace items.</summary>
    public const string Kind = "trace";

    /// <summary>Share of use cases that must have an operation, component or capability for the design to pass.</summary>
    public const double UseCaseThreshold = 0.8;

    /// <summary>Share of the brief's requirement sentences ("must", "should", "never", …) the model must have read for the design to pass.</summary>
    public const double StatementThreshold = 0.75;

    /// <summary>Words from which a brief with no use case read fails rather than warns.</summary>
    public const int LongBrief = 120;

    private static int WordCount(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>One item per kind of requirement the model has.</summary>
    public static List<GateItem> For(IReadOnlyList<TraceRow> rows, DesignDocument? document)
    {
        var context = document?.Context;
        // A brief with no stated scope fails on that alone (only the requester can fix it); coverage of nothing says nothing.
        var vague = context?.Assumptions.Any(a => a.Topic == "scope") == true;
        var items = new List<GateItem>();
        var useCases = Of(rows, "use-case");
        if (!vague)
        {
            var share = useCases.Count == 0 ? 1 : (double)useCases.Count(Met) / useCases.Count;
            // No use case read from a long brief leaves nothing to show that the API does what it asks: a failure to
            // demonstrate, not a pass by default. A short brief may simply not say who does what (the requirements
            // item already warns about thin briefs).
            var words = WordCount(document?.Brief?.Text);
            items.Add(Item("trace.use-cases", "Every use case of the brief has an operation, component or capability that performs it",
                useCases.Count == 0 ? (words >= LongBrief ? GateItemStatus.Fail : GateItemStatus.Warn) : share < UseCaseThreshold ? GateItemStatus.Fail : share < 1 ? GateItemStatus.Warn : GateItemStatus.Pass,
                useCases.Count == 0 ? $"no use case (actor, action, object) was read from the brief ({words} words), so nothing shows that the API and schema do what it asks; state who does what with which records, or answer the scope question" : Count(useCases, "use cases")));
        }

        // The other items can only check what the reader took from the brief; this one checks how much that is.
        var statements = Of(rows, "statement");
        if (!vague && statements.Count > 0)
        {
            var unread = statements.Count(r => r.Status != TraceStatus.Served);
            var read = 1 - (double)unread / statements.Count;
            // One unread sentence of three is noise of the sentence test; several, and most of them, is a brief not read.
            items.Add(Item("trace.statements", "The brief's requirement sentences were read into the requirements model the design is checked against",
                read < StatementThreshold && unread >= 2 ? GateItemStatus.Fail : unread > 0 ? GateItemStatus.Warn : GateItemStatus.Pass,
                Count(statements, "requirement sentences")));
        }

        var figures = Of(rows, "figure").Where(r => !r.Requirement.EndsWith("(derived)", StringComparison.Ordinal)).ToList();
        if (figures.Count > 0)
        {
            // A stated load (a rate: bookings/day, requests/s) is what the design is sized for; leaving one unused fails.
            // Other counts (sites, hotels, file sizes) often only describe the business and leave a warning.
            var unusedLoad = figures.Any(r => !Met(r) && r.Blocking);
            items.Add(Item("trace.figures", "The stated figures are used (sizing, scaling triggers, cost)",
                unusedLoad ? GateItemStatus.Fail : figures.All(Met) ? GateItemStatus.Pass : GateItemStatus.Warn, Count(figures, "stated figures")));
        }

        Strict(items, rows, "quality-target", "trace.quality-targets", "Every quality target is met by the design or flagged as a risk", "quality targets");
        Strict(items, rows, "constraint", "trace.constraints", "Every constraint is honoured (cloud, region, stack, budget, team, exclusions)", "constraints");
        Strict(items, rows, "compliance", "trace.compliance", "Every compliance regime the brief names is covered by controls", "compliance clauses");
        Strict(items, rows, "decision", "trace.decisions", "Every existing decision is kept or departed from with a reason", "existing decisions");
        Strict(items, rows, "grounding", "trace.grounded", "Every table is grounded in the brief's words or added by a named control", "tables");
        return items;
    }

    /// <summary>True for the trace items whose failure alone fails the design.</summary>
    public static bool IsMustHave(GateItem item) => item.Id is "trace.use-cases" or "trace.constraints" or "trace.compliance" or "trace.decisions" or "trace.grounded" or "trace.statements";

    private static void Strict(List<GateItem> items, IReadOnlyList<TraceRow> rows, string kind, string id, string title, string noun)
    {
        var list = Of(rows, kind);
        if (list.Count > 0)
        {
            items.Add(Item(id, title, list.All(Met) ? GateItemStatus.Pass : list.All(r => Met(r) || !r.Blocking) ? GateItemStatus.Warn : GateItemStatus.Fail, Count(list, noun)));
        }
    }

    private static List<TraceRow> Of(IReadOnlyList<TraceRow> rows, string kind) => [.. rows.Where(r => r.Kind == kind)];

    private static bool Met(TraceRow r) => r.Status is not TraceStatus.Unserved;

    // "3 of 5 use cases served: 'approve leave request' (uc-2), 'export monthly CSV' (uc-4) have none — checked 5 …"
    private static string Count(List<TraceRow> rows, string noun)
    {
        var unmet = rows.Where(r => !Met(r)).ToList();
        var served = rows.Count - unmet.Count;
        var flagged = rows.Count(r => r.Status is TraceStatus.Flagged or TraceStatus.Departed);
        var head = $"{served.ToString(CultureInfo.InvariantCulture)} of {rows.Count.ToString(CultureInfo.InvariantCulture)} {noun} served{(flagged > 0 ? $" ({flagged} departed or flagged as a risk)" : "")}";
        return unmet.Count == 0
            ? head
            : $"{string.Join("; ", unmet.Take(6).Select(r => $"'{r.Requirement}' ({r.RequirementId}): {r.Note}"))}{(unmet.Count > 6 ? $"; … {unmet.Count - 6} more" : "")}{CheckResult.MeasuredSeparator}{head}";
    }

    private static GateItem Item(string id, string title, GateItemStatus status, string evidence) =>
        new() { Id = id, Kind = Kind, Title = title, Status = status, Evidence = evidence };
}
