using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Offline;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Core.Tests.Engine;

/// <summary>The gate sends failed artifact validations back to the designer until they are repaired or the bound is reached.</summary>
public sealed class RepairLoopTests
{
    private const string Brief = "# Library loans\nAn internal tool for 300 librarians to track book loans. Team of 3 engineers, no regulated data, EU only, 99.5% uptime.";

    [Fact]
    public async Task DesignerEmitsBrokenArtifacts_GateSendsThemBackAndTheyAreRepaired()
    {
        var designer = new FaultyDesigner(repairWhenSentBack: true);
        var harness = new DesignHarness(new OfflineAgentProvider().With("designer", () => designer));

        var result = await harness.RunAsync(Brief);

        Assert.Equal(DesignRunStatus.Completed, result.Status);
        var doc = result.Document!;
        var firstGate = doc.History.First(h => h.Section == SectionNames.Gate);
        var sentBack = firstGate.Content.GetProperty("sentBack").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("validation.architecture-mmd.mermaid", sentBack);
        Assert.Contains("validation.openapi-yaml.openapi", sentBack);
        Assert.Contains("validation.schema-sql.postgresql-pglite", sentBack);
        Assert.DoesNotContain(sentBack, id => id.StartsWith("checklist.", StringComparison.Ordinal));
        var failedItem = firstGate.Content.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "validation.schema-sql.postgresql-pglite");
        Assert.Contains("relation \"customerz\" does not exist", failedItem.GetProperty("evidence").GetString(), StringComparison.Ordinal);

        // The designer saw exactly those items, and its second revision changed only the broken artifacts.
        Assert.Equal(sentBack, designer.SentBackSeen[1]);
        var second = doc.History.Where(h => h.Section == SectionNames.Design).ElementAt(1);
        Assert.Equal(["architecture.mermaid", "api.openApiYaml", "database.ddl", "revisionNotes"], second.Changed);
        GateAssert.Passed(doc.Gate);
        Assert.All(doc.Validation!.Results, r => Assert.Equal(ValidationOutcome.Passed, r.Outcome));
    }

    [Fact]
    public async Task DesignerNeverRepairs_RunEndsCompletedWithIssuesAndTheGateReport()
    {
        var designer = new FaultyDesigner(repairWhenSentBack: false);
        var harness = new DesignHarness(new OfflineAgentProvider().With("designer", () => designer));

        var result = await harness.RunAsync(Brief);

        Assert.Equal(DesignRunStatus.CompletedWithIssues, result.Status);
        // A revision that changes none of the failed items ends the loop: the next round would repeat it.
        Assert.Equal(2, designer.SentBackSeen.Count);
        var gate = result.Document!.Gate!;
        Assert.Equal(GateVerdict.Fail, gate.Verdict);
        Assert.Equal(2, gate.Iteration);
        Assert.Contains("changed none of the", gate.Summary, StringComparison.Ordinal);
        Assert.Contains(gate.Items, i => i.Id == "validation.openapi-yaml.openapi" && i.Status == GateItemStatus.Fail && i.Evidence.Contains("does not resolve", StringComparison.Ordinal));
        var review = ArchitectAgents.Core.Rendering.DeliverableRenderer.Render(result.Document)[ArchitectAgents.Core.Rendering.DeliverableSet.Review];
        Assert.Contains("**Verdict:** fail", review, StringComparison.Ordinal);
        Assert.Contains("## Gate rounds", review, StringComparison.Ordinal);
    }

    /// <summary>The offline designer with faults injected into all three artifacts until the gate asks for repairs.</summary>
    private sealed class FaultyDesigner(bool repairWhenSentBack) : OfflineAgent
    {
        private readonly DesignerAgent _inner = new();

        public override string AgentId => "designer";

        public List<List<string>> SentBackSeen { get; } = [];

        protected override AgentOutput Produce(AgentInput input)
        {
            SentBackSeen.Add(input.Document.Gate?.SentBack ?? []);
            var reply = _inner.RunAsync(new ChatMessage(ChatRole.User, JsonSerializer.Serialize(input, DocumentJson.Options))).GetAwaiter().GetResult();
            var output = JsonSerializer.Deserialize<AgentOutput>(reply.Text, DocumentJson.Options)!;
            var asked = input.Document.Gate?.SentBack.Any(s => s.StartsWith("validation.", StringComparison.Ordinal)) == true;
            if (repairWhenSentBack && asked)
            {
                return output;
            }

            var design = output.Sections["design"].Deserialize<DesignSection>(DocumentJson.Options)!;
            design.Architecture.Mermaid = design.Architecture.Mermaid.Replace("-->|", "--x->|", StringComparison.Ordinal);
            design.Api.OpenApiYaml = design.Api.OpenApiYaml.Replace("#/components/schemas/Problem", "#/components/schemas/Problm", StringComparison.Ordinal);
            design.Database.Ddl += "CREATE TABLE loan_audit (id uuid PRIMARY KEY, customer_id uuid REFERENCES customerz(id));\n";
            output.Sections["design"] = JsonSerializer.SerializeToElement(design, DocumentJson.Options);
            return output;
        }
    }
}
