using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>
/// The finished document of a run whose output node already completed. A run stopped after the checkpoint that
/// follows the output node has nothing left to execute, and MAF resumes such a checkpoint into a workflow that yields
/// nothing: hosts look here first and finish the run with the journaled document.
/// </summary>
public static class JournaledOutput
{
    /// <summary>The journaled document, or null when the output node has not completed.</summary>
    public static async ValueTask<DesignDocument?> FindAsync(INodeJournal journal, WorkflowDefinition workflow, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(workflow);
        var output = workflow.Nodes.Single(n => n.Kind == NodeKind.Output);
        // The output node ends the run, so it only ever has a first invocation.
        return (await journal.FindAsync(runId, output.Id, 1, cancellationToken).ConfigureAwait(false))?.Output;
    }
}
