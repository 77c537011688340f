using System.Text.Json;
using ArchitectAgents.Core.Workflows;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>
/// Waits for every branch of a fan-in before its node runs. The branches that arrived live in the node's private
/// workflow state, so a checkpoint taken between the branches and the node holds them and a resume continues.
/// </summary>
/// <remarks>
/// MAF's own barrier edge was dropped for this: after a resume from a checkpoint that held its released messages,
/// they came back with every field null and the node failed (issue #18). Plain edges carry plain messages, which
/// checkpoints round-trip; this class gives them back the barrier.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore never allocates a wait handle (only WaitAsync is used), so there is nothing to dispose; executors are not disposable.")]
internal sealed class FanInBarrier
{
    private const string ArrivedKey = "fan-in.arrived";
    private readonly List<HashSet<string>> _groups;
    private readonly SemaphoreSlim _lock = new(1, 1);

    public FanInBarrier(WorkflowDefinition workflow, string nodeId) =>
        _groups = [.. workflow.EdgesTo(nodeId).Where(e => e.From.Count > 1).Select(e => new HashSet<string>(e.From, StringComparer.Ordinal))];

    /// <summary>Records a signal; true when the node should run now (the sender is no fan-in branch, or it was the last one).</summary>
    public async ValueTask<bool> ArriveAsync(IWorkflowContext context, string from, CancellationToken ct)
    {
        var group = _groups.FirstOrDefault(g => g.Contains(from));
        if (group is null)
        {
            return true;
        }

        // Two branches can be delivered in the same superstep: the read-modify-write of the arrivals is serialised.
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var json = await context.ReadStateAsync<string>(ArrivedKey, null, ct).ConfigureAwait(false);
            var arrived = json is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(JsonSerializer.Deserialize<List<string>>(json)!, StringComparer.Ordinal);
            arrived.Add(from);
            var complete = group.IsSubsetOf(arrived);
            if (complete)
            {
                arrived.ExceptWith(group);
            }

            await context.QueueStateUpdateAsync(ArrivedKey, JsonSerializer.Serialize(arrived.Order(StringComparer.Ordinal).ToList()), null, ct).ConfigureAwait(false);
            return complete;
        }
        finally
        {
            _lock.Release();
        }
    }
}
