using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// The traceability matrix: every element of the requirements model (use case, figure, quality target, constraint,
/// compliance clause, existing decision) with the design elements that serve it, a departure, a flagged risk, or
/// nothing; and, the other way round, every table with the words of the brief (or the control) it is grounded in. Computed from the document by code, so a model can neither write nor soften it.
/// </summary>
public static class TraceabilityMatrix
{
    /// <summary>The matrix of a document; empty when it has no design or no context.</summary>
    public static List<TraceRow> Of(DesignDocument document) => DesignView.Of(document) is { } view ? Of(view) : [];

    /// <summary>The matrix of an already parsed design; empty when the document has no context.</summary>
    public static List<TraceRow> Of(DesignView view)
    {
        var document = view.Document;
        if (document.Context is not { } context)
        {
            return [];
        }

        var model = context.Requirements;
        var scope = new TraceScope(view);
        return
        [
            .. UseCaseTrace.Rows(model, scope),
            .. UseCaseTrace.Deferred(model, scope),
            .. FigureTrace.Rows(model, scope),
            .. QualityTargetTrace.Rows(model, scope),
            .. ConstraintTrace.Rows(model, scope),
            .. DecisionTrace.Rows(model, scope),
            .. GroundingTrace.Rows(document, scope),
            .. StatementTrace.Rows(document),
        ];
    }
}
