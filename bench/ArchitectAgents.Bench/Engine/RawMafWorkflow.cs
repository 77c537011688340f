using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Bench.Engine;

/// <summary>
/// The design workflow's shape in plain MAF with trivial executors: intake → context-gatherer (→ clarify →
/// context-gatherer) → docs-verifier → designer → fan-out [security-reviewer, artifact-validator] → fan-in
/// checklist-gate (→ designer, <c>revisions</c> times) → deliverables. Same nodes, edges, barrier and loop; no
/// document, no contract, no events of ours.
/// </summary>
public static class RawMafWorkflow
{
    /// <summary>Builds one instance (a MAF workflow runs one run at a time, like ours).</summary>
    /// <param name="clarify">Whether the context-gatherer goes through the clarify node once.</param>
    /// <param name="revisions">How many times the gate sends the design back.</param>
    public static Workflow Build(bool clarify, int revisions)
    {
        var intake = new RawNode("intake", (_, _) => ["context-gatherer"]);
        var gatherer = new RawNode("context-gatherer", (s, _) => clarify && s.Asked == 0 ? ["clarify"] : ["docs-verifier"]);
        var ask = new RawNode("clarify", (_, _) => ["context-gatherer"], asks: true);
        var verifier = new RawNode("docs-verifier", (_, _) => ["designer"]);
        var designer = new RawNode("designer", (_, _) => ["security-reviewer", "artifact-validator"]);
        var reviewer = new RawNode("security-reviewer", (_, _) => ["checklist-gate"]);
        var validator = new RawNode("artifact-validator", (_, _) => ["checklist-gate"]);
        var gate = new RawNode("checklist-gate", (s, _) => s.Round < revisions ? ["designer"] : ["deliverables"], fanIn: 2, loops: true);
        var output = new RawNode("deliverables", (_, _) => [], output: true);

        var builder = new WorkflowBuilder(intake).WithName("raw-design");
        Edge(builder, intake, gatherer);
        Edge(builder, gatherer, ask);
        Edge(builder, ask, gatherer);
        Edge(builder, gatherer, verifier);
        Edge(builder, verifier, designer);
        Edge(builder, designer, reviewer);
        Edge(builder, designer, validator);
        builder.AddFanInBarrierEdge([reviewer, validator], gate);
        Edge(builder, gate, designer);
        Edge(builder, gate, output);
        return builder.WithOutputFrom(output).Build();
    }

    /// <summary>Runs one instance to its output with in-memory checkpointing, as our runner does.</summary>
    public static async Task<string?> RunAsync(Workflow workflow, string runId, CancellationToken cancellationToken = default)
    {
        string? result = null;
        await using var run = await InProcessExecution.RunStreamingAsync(workflow, new Hop("start", 0, 0, ["intake"]), CheckpointManager.CreateInMemory(), runId, cancellationToken);
        await foreach (var evt in run.WatchStreamAsync(cancellationToken))
        {
            if (evt is WorkflowOutputEvent output && output.Is<string>(out var text))
            {
                result = text;
            }
        }

        return result;
    }

    private static void Edge(WorkflowBuilder builder, RawNode from, RawNode to)
    {
        var target = to.Id;
        builder.AddEdge<Hop>(from, to, s => s is not null && s.Targets.Contains(target));
    }

    /// <summary>The one message type: who sent it, the loop round, whether clarify ran, and where it goes.</summary>
    public sealed record Hop(string From, int Round, int Asked, IReadOnlyList<string> Targets);

    private sealed class RawNode(string id, Func<Hop, int, IReadOnlyList<string>> next, int fanIn = 1, bool output = false, bool asks = false, bool loops = false) : Executor(id)
    {
        private readonly object _gate = new();
        private int _arrived;

        protected override ProtocolBuilder ConfigureProtocol(ProtocolBuilder protocolBuilder)
        {
            var builder = protocolBuilder.ConfigureRoutes(r => r.AddHandler<Hop>(OnStepAsync)).SendsMessage<Hop>();
            return output ? builder.YieldsOutput<string>() : builder;
        }

        private async ValueTask OnStepAsync(Hop step, IWorkflowContext context, CancellationToken cancellationToken)
        {
            if (!step.Targets.Contains(Id))
            {
                return;
            }

            // A fan-in barrier calls the handler once per branch: act on the last, like our executors.
            lock (_gate)
            {
                if (++_arrived < fanIn)
                {
                    return;
                }

                _arrived = 0;
            }

            if (output)
            {
                await context.YieldOutputAsync("done", cancellationToken);
                return;
            }

            var targets = next(step, step.Round);
            var sent = step with { From = Id, Targets = targets, Asked = asks ? step.Asked + 1 : step.Asked, Round = loops && targets.Contains("designer") ? step.Round + 1 : step.Round };
            await context.SendMessageAsync(sent, cancellationToken);
        }
    }
}
