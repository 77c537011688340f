namespace ArchitectAgents.Core.Engine;

/// <summary>
/// Where each node's result is made durable the moment the node completes, before its superstep's checkpoint.
/// A superstep that runs again after a crash replays the journaled results instead of calling the agents again,
/// so only a node that was in flight repeats its work. The service keeps it in the run store, the CLI in the
/// run's state directory.
/// </summary>
public interface INodeJournal
{
    /// <summary>The journaled result of one invocation of a node, or null when that invocation never completed.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="node">Node id.</param>
    /// <param name="invocation">Which invocation of the node (1 for its first), as counted in the checkpointed state.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    ValueTask<NodeJournalEntry?> FindAsync(string runId, string node, int invocation, CancellationToken cancellationToken);

    /// <summary>Makes a completed invocation durable; returns only once it is. Recording one twice keeps the first.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="entry">The result.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    ValueTask RecordAsync(string runId, NodeJournalEntry entry, CancellationToken cancellationToken);
}
