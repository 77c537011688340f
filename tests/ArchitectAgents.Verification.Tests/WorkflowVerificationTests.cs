using System.Text.Json;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Rendering;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Core.Verification;
using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Runs.Verification;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Verification.Tests;

/// <summary>The docs verifier inside the real workflow: what the designer and the gate do with its entries.</summary>
public sealed class WorkflowVerificationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Design_OutdatedPick_GateSendsItBackAndDesignerMovesToLatestStable()
    {
        // Arrange: every library resolves, every registry reports the catalogue's version, except EF Core, which has a newer patch.
        await using var api = await Fixtures.ApiAsync();
        api.FindEverything = true;
        await using var registries = await RegistryStub.StartAsync();
        registries.CatalogueFallback = true;
        registries.Latest["Microsoft.EntityFrameworkCore"] = "10.0.16";
        var options = Fixtures.Options(Context7Server.Stdio(api), registries);
        var verifier = Fixtures.Verifier(options);
        var provider = new OfflineAgentProvider().UseVerification(options, () => verifier);

        // Act
        var doc = await DesignAsync(provider, await File.ReadAllTextAsync(RepoPaths.Brief("telehealth"), Ct));

        // Assert: verification recorded the outdated pick with its provenance.
        var ef = doc.Verification!.Entries.Single(e => e.TechnologyId == "ef-core");
        Assert.Equal(VerificationStatus.Outdated, ef.Status);
        Assert.Equal(("10.0.15", "10.0.16", "10.0.16"), (ef.ChosenVersion, ef.LatestStable, ef.RecommendedVersion));
        Assert.Equal("/test/entity-framework-core", ef.LibraryId);

        // The first gate sent it back; the revision moved to the recommended version and the gate accepted that.
        var gates = doc.History.Where(h => h.Section == SectionNames.Gate).Select(h => h.Content.Deserialize<GateSection>(DocumentJson.Options)!).ToList();
        Assert.Contains("checklist.verified", gates[0].SentBack);
        Assert.Contains("Entity Framework Core 10.0.15 is outdated", gates[0].Items.Single(i => i.Id == "checklist.verified").Evidence, StringComparison.Ordinal);
        Assert.Equal("10.0.16", doc.Design!.Technologies.Single(t => t.Id == "ef-core").Version);
        Assert.Contains(doc.Design.RevisionNotes, n => n.StartsWith("Entity Framework Core: moved from 10.0.15 (outdated) to 10.0.16", StringComparison.Ordinal));
        var verified = doc.Gate!.Items.Single(i => i.Id == "checklist.verified");
        Assert.NotEqual(GateItemStatus.Fail, verified.Status);
        Assert.Contains("Entity Framework Core 10.0.15 → 10.0.16", verified.Evidence, StringComparison.Ordinal);

        // Unverified entries stay visible in the report with their reason.
        var runtime = doc.Verification.Entries.Single(e => e.TechnologyId == "dotnet");
        Assert.Equal(VerificationStatus.Unverified, runtime.Status);
        Assert.Contains("no package registry covers 'tool'", runtime.Reason, StringComparison.Ordinal);
        var report = DeliverableRenderer.Render(doc)[DeliverableSet.Report];
        Assert.Contains("| Entity Framework Core | 10.0.15 | 10.0.16 | outdated → 10.0.16 |", report, StringComparison.Ordinal);
        Assert.Contains("no package registry covers 'tool'", report, StringComparison.Ordinal);
        Assert.Contains("| PostgreSQL | 18.1 | 18.1 | verified |", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Design_OfflineDefault_EveryEntryUnverifiedFromTheCatalogue()
    {
        // Arrange: verification off, as in appsettings.json: no network, no context7.
        var provider = new OfflineAgentProvider().UseVerification(new VerificationOptions(), () => throw new InvalidOperationException("no verifier offline"));

        // Act
        var doc = await DesignAsync(provider, "# Notes app\nA team of 3 builds a notes app for 10k users.");

        // Assert
        var checkedAt = Core.Knowledge.KnowledgeBase.Default.Technologies.CheckedAt;
        Assert.All(doc.Verification!.Entries, e =>
        {
            Assert.Equal(VerificationStatus.Unverified, e.Status);
            Assert.StartsWith($"offline catalogue, checked {checkedAt}", e.Reason, StringComparison.Ordinal);
            Assert.Null(e.LatestStable);
        });
        Assert.Contains($"unverified (offline catalogue, checked {checkedAt})", DeliverableRenderer.Render(doc)[DeliverableSet.Report], StringComparison.Ordinal);
        Assert.Equal(GateItemStatus.Warn, doc.Gate!.Items.Single(i => i.Id == "checklist.verified").Status);
    }

    [Fact]
    public async Task Designer_LaterRoundSentBackForOtherItems_KeepsTheRecommendedVersion()
    {
        // Arrange: round 3, where the gate sent back only a review item, after verification flagged EF Core.
        var doc = await DesignAsync(new OfflineAgentProvider(), await File.ReadAllTextAsync(RepoPaths.Brief("telehealth"), Ct));
        var ef = doc.Verification!.Entries.Single(e => e.TechnologyId == "ef-core");
        ef.Status = VerificationStatus.Outdated;
        ef.RecommendedVersion = "10.0.16";
        doc.Gate = new GateSection { Verdict = GateVerdict.Revise, Iteration = 2, SentBack = ["review.open-critical-high"] };
        var input = new AgentInput { Agent = "designer", Round = 3, Writes = [SectionNames.Design], Outcomes = ["done"], Document = doc };

        // Act
        var design = await RunDesignerAsync(input);

        // Assert
        Assert.Equal("10.0.16", design.Technologies.Single(t => t.Id == "ef-core").Version);
        Assert.DoesNotContain(design.RevisionNotes, n => n.Contains("moved from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Designer_FirstRound_KeepsTheChosenVersionForTheGateToJudge()
    {
        var doc = await DesignAsync(new OfflineAgentProvider(), await File.ReadAllTextAsync(RepoPaths.Brief("telehealth"), Ct));
        var ef = doc.Verification!.Entries.Single(e => e.TechnologyId == "ef-core");
        ef.Status = VerificationStatus.Outdated;
        ef.RecommendedVersion = "10.0.16";
        doc.Gate = null;
        doc.Review = null;

        var design = await RunDesignerAsync(new AgentInput { Agent = "designer", Round = 1, Writes = [SectionNames.Design], Outcomes = ["done"], Document = doc });

        Assert.Equal("10.0.15", design.Technologies.Single(t => t.Id == "ef-core").Version);
    }

    private static async Task<DesignSection> RunDesignerAsync(AgentInput input)
    {
        var reply = await new DesignerAgent().RunAsync(new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.User, JsonSerializer.Serialize(input, DocumentJson.Options)), cancellationToken: Ct);
        var output = JsonSerializer.Deserialize<AgentOutput>(reply.Text, DocumentJson.Options)!;
        return output.Sections[SectionNames.Design].Deserialize<DesignSection>(DocumentJson.Options)!;
    }

    private static async Task<DesignDocument> DesignAsync(OfflineAgentProvider provider, string brief)
    {
        var catalog = AgentCatalog.LoadDirectory(RepoPaths.Agents);
        var workflow = WorkflowLoader.LoadFile(RepoPaths.DefaultWorkflow, catalog);
        await using var validators = new ValidatorSet(new ValidatorOptions { NodeToolsPath = Path.Combine(RepoPaths.Root, "tools", "validators") });
        var result = await new DesignRunner(new WorkflowFactory(catalog, provider, validators.Validators))
            .RunAsync(workflow, new DesignRunInput { RunId = "verification-test", BriefText = brief }, cancellationToken: Ct);
        Assert.True(result.Document is not null, $"run failed: {result.Error}");
        return result.Document!;
    }
}
