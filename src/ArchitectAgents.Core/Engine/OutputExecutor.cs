using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Workflows;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>End node: assembles the whole document with its history and usage, and yields it.</summary>
internal sealed class OutputExecutor(NodeDefinition node, WorkflowDefinition workflow, TimeProvider time, INodeJournal? journal) : NodeExecutor(node, workflow, time, journal)
{
    protected override ProtocolBuilder ConfigureRoutes(ProtocolBuilder protocolBuilder) => protocolBuilder.YieldsOutput<DesignDocument>();

    protected override async ValueTask<NodeResult> ExecuteAsync(IWorkflowContext context, int round, IReadOnlyDictionary<string, string>? answers, CancellationToken cancellationToken)
    {
        var document = await DocumentState.ReadAsync(context, null, withHistory: true, cancellationToken).ConfigureAwait(false);
        document.Usage = await UsageState.ReadAsync(context, Workflow.Nodes.Select(n => n.Id), cancellationToken).ConfigureAwait(false);
        if (document.Usage is not null)
        {
            document.Usage.UpdatedAt = Time.GetUtcNow();
            document.Usage.Revision = 1;
        }

        await context.YieldOutputAsync(document, cancellationToken).ConfigureAwait(false);
        // Journaled with the document, so a run whose last checkpoint follows this node finishes without running anything.
        return new NodeResult("done", "deliverables assembled", []) { Output = document };
    }
}
