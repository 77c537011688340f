using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Everything the gate computes by code from a document, with its artifacts parsed once: the contradiction items,
/// the traceability matrix and the items measured on it. The offline gate scores them; for any other gate they are
/// the inputs it cannot override (<see cref="ComputedFindings"/>).
/// </summary>
/// <param name="Items">The contradiction items, then the trace items.</param>
/// <param name="Traceability">The traceability matrix.</param>
public sealed record ComputedGate(IReadOnlyList<GateItem> Items, List<TraceRow> Traceability)
{
    /// <summary>Computes them; no contradiction or trace row for a document without a design.</summary>
    public static ComputedGate Of(DesignDocument document)
    {
        var view = DesignView.Of(document);
        var matrix = view is null ? [] : TraceabilityMatrix.Of(view);
        return new([.. view is null ? [] : ContradictionItems.For(view), .. TraceItems.For(matrix, document)], matrix);
    }
}
