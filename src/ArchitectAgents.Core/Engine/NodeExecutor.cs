using System.Diagnostics;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Workflows;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>
/// Base of every node that takes <see cref="NodeSignal"/>s: waits for all branches of a fan-in,
/// runs the node's work (or replays it from the node journal when this invocation already completed before
/// a crash), makes the result durable in the journal, then routes its outcome along the workflow's edges.
/// </summary>
internal abstract class NodeExecutor : Executor
{
    private readonly FanInBarrier _barrier;

    private readonly INodeJournal? _journal;

    protected NodeExecutor(NodeDefinition node, WorkflowDefinition workflow, TimeProvider time, INodeJournal? journal) : base(node.Id)
    {
        _journal = journal;
        Node = node;
        Workflow = workflow;
        Time = time;
        Routing = new Routing(workflow, node.Id);
        _barrier = new FanInBarrier(workflow, node.Id);
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
        if (!signal.Targets.Contains(Id) || !await _barrier.ArriveAsync(context, signal.From, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await RunAsync(context, answers: null, cancellationToken).ConfigureAwait(false);
    }

    protected async ValueTask RunAsync(IWorkflowContext context, IReadOnlyDictionary<string, string>? answers, CancellationToken cancellationToken)
    {
        // The invocation count is checkpointed state: a superstep that runs again after a crash counts the same numbers.
        var round = await Routing.NextInvocationAsync(context, cancellationToken).ConfigureAwait(false);
        var runId = (await DocumentState.ReadRunAsync(context, cancellationToken).ConfigureAwait(false)).RunId;
        var started = Stopwatch.GetTimestamp();
        NodeResult result;
        var replayed = false;
        // An invocation given answers is not the one that asked for them: a journaled result replays only for the same answers.
        var answersKey = answers is null || answers.Count == 0 ? null : string.Join('\n', answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + a.Value));
        if (_journal is not null && await _journal.FindAsync(runId, Id, round, cancellationToken).ConfigureAwait(false) is { } journaled && journaled.AnswersKey == answersKey)
        {
            result = await ReplayAsync(context, journaled, round, cancellationToken).ConfigureAwait(false);
            replayed = true;
        }
        else
        {
            await context.AddEventAsync(new NodeStartedEvent(Id, Node.Agent, round), cancellationToken).ConfigureAwait(false);
            result = await ExecuteAsync(context, round, answers, cancellationToken).ConfigureAwait(false);
            result = result with { DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds };
            if (_journal is not null)
            {
                // Durable before anything downstream can see the result: from here on a crash replays, never re-runs, this node.
                await _journal.RecordAsync(runId, result.ToEntry(Id, round) with { AnswersKey = answersKey }, cancellationToken).ConfigureAwait(false);
            }
        }

        var targets = await Routing.RouteAsync(context, result.Outcome, cancellationToken).ConfigureAwait(false);
        await context.AddEventAsync(new NodeCompletedEvent(Id, result.Outcome, result.Notes, result.SectionsWritten, result.DurationMs) { Round = round, Replayed = replayed }, cancellationToken).ConfigureAwait(false);

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

    /// <summary>Applies a journaled result to the workflow state exactly as the original execution did.</summary>
    private async ValueTask<NodeResult> ReplayAsync(IWorkflowContext context, NodeJournalEntry entry, int round, CancellationToken cancellationToken)
    {
        await context.AddEventAsync(new NodeReplayedEvent(Id, round), cancellationToken).ConfigureAwait(false);
        var written = new List<JournaledSection>();
        foreach (var section in entry.Sections)
        {
            written.Add(await DocumentState.ReplaySectionAsync(context, Id, section, round, cancellationToken).ConfigureAwait(false));
        }

        if (entry.Usage is { } usage)
        {
            var total = await UsageState.AddAsync(context, Id, usage.Agent, usage.Model, usage.Calls, usage.InputTokens, usage.OutputTokens, usage.CostUsd, TimeSpan.FromMilliseconds(usage.DurationMs), cancellationToken).ConfigureAwait(false);
            await context.AddEventAsync(new UsageRecordedEvent(total) { Delta = usage, Replayed = true }, cancellationToken).ConfigureAwait(false);
        }

        if (entry.Output is { } output)
        {
            await context.YieldOutputAsync(output, cancellationToken).ConfigureAwait(false);
        }

        return new NodeResult(entry.Outcome, entry.Notes, [.. entry.Sections.Select(s => s.Name)])
        {
            Questions = entry.Questions,
            Written = written,
            Usage = entry.Usage,
            Output = entry.Output,
            DurationMs = entry.DurationMs,
        };
    }

    /// <summary>What a node's work produced.</summary>
    internal sealed record NodeResult(string Outcome, string? Notes, IReadOnlyList<string> SectionsWritten)
    {
        public IReadOnlyList<ClarifyingQuestion> Questions { get; init; } = [];

        /// <summary>The sections as written, for the journal.</summary>
        public IReadOnlyList<JournaledSection> Written { get; init; } = [];

        /// <summary>This invocation's model usage, when it called a model.</summary>
        public UsageEntry? Usage { get; init; }

        /// <summary>The finished document, for the output node.</summary>
        public DesignDocument? Output { get; init; }

        public long DurationMs { get; init; }

        public NodeJournalEntry ToEntry(string node, int invocation) => new()
        {
            Node = node,
            Invocation = invocation,
            Outcome = Outcome,
            Notes = Notes,
            Sections = [.. Written],
            Questions = [.. Questions],
            Usage = Usage,
            DurationMs = DurationMs,
            Output = Output,
        };
    }
}
