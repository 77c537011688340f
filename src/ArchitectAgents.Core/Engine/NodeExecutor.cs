using System.Diagnostics;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Workflows;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>
/// Base of every node that takes <see cref="NodeSignal"/>s: waits for all branches of a fan-in,
/// runs the node's work, then routes its outcome along the workflow's edges.
/// </summary>
internal abstract class NodeExecutor : Executor
{
    private readonly object _gate = new();
    private readonly int _fanIn;
    private int _arrived;

    protected NodeExecutor(NodeDefinition node, WorkflowDefinition workflow, TimeProvider time) : base(node.Id)
    {
        Node = node;
        Workflow = workflow;
        Time = time;
        Routing = new Routing(workflow, node.Id);
        _fanIn = workflow.EdgesTo(node.Id).Where(e => e.From.Count > 1).Select(e => e.From.Count).DefaultIfEmpty(1).Max();
    }

    protected NodeDefinition Node { get; }

    protected WorkflowDefinition Workflow { get; }

    protected TimeProvider Time { get; }

    protected Routing Routing { get; }

    protected override ProtocolBuilder ConfigureProtocol(ProtocolBuilder protocolBuilder) =>
        ConfigureRoutes(protocolBuilder.ConfigureRoutes(r => r.AddHandler<NodeSignal>(OnSignalAsync)))
            .SendsMessage<NodeSignal>();

    protected virtual ProtocolBuilder ConfigureRoutes(ProtocolBuilder protocolBuilder) => protocolBuilder;

    /// <summary>The node's work; returns its outcome, a note, and the sections it wrote (already queued).</summary>
    protected abstract ValueTask<NodeResult> ExecuteAsync(IWorkflowContext context, int round, IReadOnlyDictionary<string, string>? answers, CancellationToken cancellationToken);

    private async ValueTask OnSignalAsync(NodeSignal signal, IWorkflowContext context, CancellationToken cancellationToken)
    {
        if (!signal.Targets.Contains(Id))
        {
            return;
        }

        // A fan-in barrier delivers each branch's message as its own call in the same superstep: act on the last.
        lock (_gate)
        {
            if (++_arrived < _fanIn)
            {
                return;
            }

            _arrived = 0;
        }

        await RunAsync(context, answers: null, cancellationToken).ConfigureAwait(false);
    }

    protected async ValueTask RunAsync(IWorkflowContext context, IReadOnlyDictionary<string, string>? answers, CancellationToken cancellationToken)
    {
        var round = await Routing.NextInvocationAsync(context, cancellationToken).ConfigureAwait(false);
        await context.AddEventAsync(new NodeStartedEvent(Id, Node.Agent, round), cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var result = await ExecuteAsync(context, round, answers, cancellationToken).ConfigureAwait(false);
        var targets = await Routing.RouteAsync(context, result.Outcome, cancellationToken).ConfigureAwait(false);
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await context.AddEventAsync(new NodeCompletedEvent(Id, result.Outcome, result.Notes, result.SectionsWritten, elapsed), cancellationToken).ConfigureAwait(false);

        var humanTargets = targets.Where(t => Workflow.Node(t).Kind == NodeKind.Human).ToList();
        foreach (var human in humanTargets)
        {
            await context.SendMessageAsync(new ClarificationRequest(Id, result.Questions), human, cancellationToken).ConfigureAwait(false);
        }

        var others = targets.Except(humanTargets).ToList();
        if (others.Count > 0)
        {
            await context.SendMessageAsync(new NodeSignal(Id, result.Outcome, others), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What a node's work produced.</summary>
    internal sealed record NodeResult(string Outcome, string? Notes, IReadOnlyList<string> SectionsWritten)
    {
        public IReadOnlyList<ClarifyingQuestion> Questions { get; init; } = [];
    }
}
