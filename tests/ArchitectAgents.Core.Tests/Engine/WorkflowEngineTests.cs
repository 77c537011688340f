using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Offline;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Core.Tests.Engine;

public sealed class WorkflowEngineTests
{
    private const string Brief = "# Clinic booking\nTeam of 4 engineers, 20k patients, 99.9% uptime, HIPAA, data stays in the US.";

    [Fact]
    public async Task Run_AgentWritesASectionItDoesNotOwn_IsRejectedAndNothingDownstreamRuns()
    {
        var rogue = new ScriptedAgent("context-gatherer", _ => new AgentOutput
        {
            Outcome = "ready",
            Sections =
            {
                ["context"] = JsonSerializer.SerializeToElement(new ContextSection { Summary = "fine" }, DocumentJson.Options),
                ["gate"] = JsonSerializer.SerializeToElement(new GateSection { Verdict = GateVerdict.Pass, Score = 100 }, DocumentJson.Options),
            },
        });
        var harness = new DesignHarness(new OfflineAgentProvider().With("context-gatherer", () => rogue));

        var result = await harness.RunAsync(Brief);

        Assert.Equal(DesignRunStatus.Failed, result.Status);
        Assert.Null(result.Document);
        Assert.Contains("may only write context", result.Error, StringComparison.Ordinal);
        var rejected = Assert.Single(harness.Observer.Events.OfType<AgentOutputRejectedEvent>());
        Assert.Equal("context-gatherer", rejected.Node);
        Assert.Contains("'gate'", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Observer.Events.OfType<NodeCompletedEvent>(), e => e.Node == "context-gatherer");
        Assert.Empty(harness.Observer.Started("docs-verifier"));
    }

    [Theory]
    [InlineData("not json at all", "is not a JSON object")]
    [InlineData("{\"sections\":{\"context\":{\"figures\":\"many\"}},\"outcome\":\"ready\"}", "section 'context' does not match its schema")]
    [InlineData("{\"sections\":{},\"outcome\":\"finished\"}", "outcome 'finished' is not one of questions, ready")]
    public async Task Run_AgentRepliesWithInvalidOutput_FailsWithAClearReason(string reply, string expected)
    {
        var harness = new DesignHarness(new OfflineAgentProvider().With("context-gatherer", () => new RawReplyAgent("context-gatherer", reply)));

        var result = await harness.RunAsync(Brief);

        Assert.Equal(DesignRunStatus.Failed, result.Status);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GateAlwaysSaysRevise_LoopStopsAtItsBoundAndDeliversWithIssues()
    {
        var gate = new ScriptedAgent("checklist-gate", input =>
        {
            var verdict = input.RevisionsLeft > 0 ? GateVerdict.Revise : GateVerdict.Fail;
            var section = new GateSection { Verdict = verdict, Iteration = input.Round, SentBack = ["checklist.tradeoffs"], Summary = "never good enough" };
            return new AgentOutput
            {
                Outcome = verdict.ToString().ToLowerInvariant(),
                Sections = { ["gate"] = JsonSerializer.SerializeToElement(section, DocumentJson.Options) },
            };
        });
        var harness = new DesignHarness(new OfflineAgentProvider().With("checklist-gate", () => gate));

        var result = await harness.RunAsync(Brief);

        Assert.Equal(DesignRunStatus.CompletedWithIssues, result.Status);
        Assert.Equal(4, harness.Observer.Started("designer").Count());
        Assert.Equal([3, 2, 1, 0], gate.Inputs.Select(i => i.RevisionsLeft ?? -1));
        Assert.Equal(GateVerdict.Fail, result.Document!.Gate!.Verdict);
        Assert.Equal(4, result.Document.History.Count(h => h.Section == SectionNames.Gate));
        Assert.Equal(4, result.Document.Design!.Revision);
    }

    [Fact]
    public async Task Run_AgentInput_HoldsOnlyTheSectionsItReads()
    {
        var verifier = new ScriptedAgent("docs-verifier", _ => new AgentOutput
        {
            Outcome = "done",
            Sections = { ["verification"] = JsonSerializer.SerializeToElement(new VerificationSection(), DocumentJson.Options) },
        });
        var harness = new DesignHarness(new OfflineAgentProvider().With("docs-verifier", () => verifier));

        await harness.RunAsync(Brief);

        var input = Assert.Single(verifier.Inputs);
        Assert.NotNull(input.Document.Brief);
        Assert.NotNull(input.Document.Context);
        Assert.Null(input.Document.Design);
        Assert.Null(input.Document.Gate);
        Assert.Equal(["verification"], input.Writes);
    }

    [Fact]
    public async Task Run_Interactive_AsksOnceAndUsesTheAnswers()
    {
        var harness = new DesignHarness();
        harness.Observer.Answer = q => q.Id switch
        {
            "q-scale" => "About 12,000 members, busiest at 7am",
            "q-team" => "Team of 3 developers who know Python",
            _ => null,
        };

        var result = await harness.RunAsync("# Gym app\nMembers book classes and get reminders.", interactive: true);

        var asked = Assert.Single(harness.Observer.Asked);
        Assert.InRange(asked.Count, 1, 5);
        Assert.Contains(asked, q => q.Id == "q-scale");
        var context = result.Document!.Context!;
        Assert.Equal(12_000, context.Figures.Users!.Value);
        Assert.False(context.Figures.Users.Assumed);
        Assert.Equal(3, context.TeamSize!.Value);
        Assert.Contains("Python", string.Join(",", context.TeamSkills), StringComparison.Ordinal);
        Assert.Contains(context.Questions, q => q.Id == "q-scale" && q.Answer == "About 12,000 members, busiest at 7am");
        Assert.Contains(context.Assumptions, a => a.Topic == "compliance");
        Assert.Equal(2, harness.Observer.Started("context-gatherer").Count());
    }

    [Fact]
    public async Task Run_NonInteractive_NeverAsksAndRecordsAssumptions()
    {
        var harness = new DesignHarness();

        var result = await harness.RunAsync("# Gym app\nMembers book classes and get reminders.");

        Assert.Empty(harness.Observer.Asked);
        var context = result.Document!.Context!;
        Assert.Contains(context.Assumptions, a => a.Topic == "scale" && a.Statement.StartsWith("ASSUMPTION:", StringComparison.Ordinal));
        Assert.Contains(context.Assumptions, a => a.Topic == "team");
        Assert.True(context.Figures.Users!.Assumed);
        Assert.Equal("assumption", context.TeamSize!.Evidence);
    }

    private sealed class RawReplyAgent(string agentId, string reply) : OfflineAgent
    {
        public override string AgentId => agentId;

        protected override AgentOutput Produce(AgentInput input) => throw new NotSupportedException();

        protected override Task<Microsoft.Agents.AI.AgentResponse> RunCoreAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Agents.AI.AgentSession? session = null, Microsoft.Agents.AI.AgentRunOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Microsoft.Agents.AI.AgentResponse(new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.Assistant, reply)));
    }
}
