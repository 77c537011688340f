using System.Text.Json;
using ArchitectAgents.Core.Workflows;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>
/// Decides which edges a node's outcome takes. Conditional edges whose <c>when</c> matches are taken
/// while under their bound; when none is taken, the default edges are. Traversal counts live in the
/// node's private workflow state, so bounds hold across checkpoints and resumes.
/// </summary>
internal sealed class Routing(WorkflowDefinition workflow, string nodeId)
{
    private const string CountsKey = "edge-counts";
    private const string InvocationsKey = "invocations";
    private readonly List<(int Index, EdgeDefinition Edge)> _outgoing =
        [.. workflow.Edges.Select((e, i) => (i, e)).Where(x => x.e.From.Contains(nodeId))];

    public static async ValueTask<int> NextInvocationAsync(IWorkflowContext context, CancellationToken ct)
    {
        var count = await context.ReadStateAsync<string>(InvocationsKey, null, ct).ConfigureAwait(false);
        var next = (count is null ? 0 : int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)) + 1;
        await context.QueueStateUpdateAsync(InvocationsKey, next.ToString(System.Globalization.CultureInfo.InvariantCulture), null, ct).ConfigureAwait(false);
        return next;
    }

    public async ValueTask<int?> RevisionsLeftAsync(IWorkflowContext context, CancellationToken ct)
    {
        var counts = await ReadCountsAsync(context, ct).ConfigureAwait(false);
        var bounded = _outgoing.Where(x => x.Edge.MaxRounds is not null).ToList();
        return bounded.Count == 0 ? null : bounded.Min(x => x.Edge.MaxRounds!.Value - counts.GetValueOrDefault(x.Index));
    }

    public async ValueTask<IReadOnlyList<string>> RouteAsync(IWorkflowContext context, string outcome, CancellationToken ct)
    {
        var counts = await ReadCountsAsync(context, ct).ConfigureAwait(false);
        var taken = _outgoing
            .Where(x => x.Edge.When.Contains(outcome) && (x.Edge.MaxRounds is null || counts.GetValueOrDefault(x.Index) < x.Edge.MaxRounds))
            .ToList();
        if (taken.Count == 0)
        {
            taken = [.. _outgoing.Where(x => x.Edge.IsDefault)];
        }

        foreach (var (index, edge) in taken)
        {
            if (edge.MaxRounds is not null)
            {
                counts[index] = counts.GetValueOrDefault(index) + 1;
            }
        }

        await context.QueueStateUpdateAsync(CountsKey, JsonSerializer.Serialize(counts), null, ct).ConfigureAwait(false);
        return [.. taken.SelectMany(x => x.Edge.To).Distinct()];
    }

    private static async ValueTask<Dictionary<int, int>> ReadCountsAsync(IWorkflowContext context, CancellationToken ct)
    {
        var json = await context.ReadStateAsync<string>(CountsKey, null, ct).ConfigureAwait(false);
        return json is null ? [] : JsonSerializer.Deserialize<Dictionary<int, int>>(json)!;
    }
}
