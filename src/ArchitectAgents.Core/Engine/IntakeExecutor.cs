using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Workflows;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>Start node: records the run settings and writes the <c>brief</c> section verbatim.</summary>
internal sealed class IntakeExecutor(NodeDefinition node, WorkflowDefinition workflow, TimeProvider time) : Executor(node.Id)
{
    private readonly Routing _routing = new(workflow, node.Id);

    protected override ProtocolBuilder ConfigureProtocol(ProtocolBuilder protocolBuilder) =>
        protocolBuilder.ConfigureRoutes(r => r.AddHandler<DesignRunInput>(OnInputAsync)).SendsMessage<NodeSignal>();

    private async ValueTask OnInputAsync(DesignRunInput input, IWorkflowContext context, CancellationToken cancellationToken)
    {
        await Routing.NextInvocationAsync(context, cancellationToken).ConfigureAwait(false);
        await context.AddEventAsync(new NodeStartedEvent(Id, null, 1), cancellationToken).ConfigureAwait(false);
        await DocumentState.WriteRunAsync(context, input, workflow.Id, cancellationToken).ConfigureAwait(false);
        var brief = new BriefSection
        {
            Title = TitleOf(input.BriefText),
            Text = input.BriefText,
            Source = input.Source,
            Requester = input.Requester,
            Attachments = [.. input.Attachments],
        };
        await DocumentState.WriteSectionAsync(context, SectionNames.Brief, brief, Id, 1, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var targets = await _routing.RouteAsync(context, "done", cancellationToken).ConfigureAwait(false);
        await context.AddEventAsync(new NodeCompletedEvent(Id, "done", $"brief of {input.BriefText.Length} characters", [SectionNames.Brief], 0), cancellationToken).ConfigureAwait(false);
        await context.SendMessageAsync(new NodeSignal(Id, "done", targets), cancellationToken).ConfigureAwait(false);
    }

    internal static string TitleOf(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        line = line.TrimStart('#').Trim();
        return line.Length <= 120 ? line : line[..117] + "...";
    }
}
