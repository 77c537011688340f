using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Rendering;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Core.Tests.Engine;

public sealed class ExampleBriefTests
{
    public static TheoryData<string> Briefs() =>
        [.. Directory.EnumerateFiles(RepoPaths.Briefs, "*.md").Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Fact]
    public void Examples_AtLeastFiveBriefs()
    {
        Assert.True(Briefs().Count >= 5);
    }

    [Theory]
    [MemberData(nameof(Briefs))]
    public async Task Run_ExampleBrief_FillsEverySectionAndRendersEveryDeliverable(string brief)
    {
        var harness = new DesignHarness();

        var result = await harness.RunAsync(File.ReadAllText(RepoPaths.Brief(brief)));

        Assert.True(result.Status is DesignRunStatus.Completed or DesignRunStatus.CompletedWithIssues, $"{brief}: {result.Status} {result.Error}");
        var doc = result.Document!;
        foreach (var section in SectionNames.All)
        {
            var content = doc.Get(section);
            Assert.True(content is not null, $"{brief}: section '{section}' is missing");
            Assert.True(content!.Revision >= 1);
            Assert.False(string.IsNullOrEmpty(content.Author));
        }

        var d = doc.Design!;
        Assert.NotEmpty(d.Architecture.Components);
        Assert.Contains("openapi: 3.1.0", d.Api.OpenApiYaml, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE", d.Database.Ddl, StringComparison.Ordinal);
        Assert.All(d.Technologies, t => Assert.False(string.IsNullOrWhiteSpace(t.Version)));
        Assert.True(d.Tradeoffs.Count >= 2);
        Assert.All(d.Risks, r => Assert.False(string.IsNullOrWhiteSpace(r.Mitigation)));
        Assert.All(d.Scaling, s => Assert.False(string.IsNullOrWhiteSpace(s.Trigger)));
        Assert.False(string.IsNullOrWhiteSpace(d.Deployment.Rollback));
        Assert.Empty(MermaidStructureValidator.Check(d.Architecture.Mermaid));
        Assert.Contains(doc.History, h => h.Section == SectionNames.Design && h.Author == "designer");

        var files = DeliverableRenderer.Render(doc);
        Assert.Equal(DeliverableSet.Names.Order(), files.Keys.Order());
        Assert.All(files, f => Assert.False(string.IsNullOrWhiteSpace(f.Value), f.Key + " is empty"));
        Assert.Contains("## 8. Deployment strategy", files[DeliverableSet.Report], StringComparison.Ordinal);
        Assert.Contains("## Checklist", files[DeliverableSet.Review], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RegulatedBrief_GateSendsFindingsBackAndTheDesignerResolvesThem()
    {
        var harness = new DesignHarness();

        var doc = await harness.DesignAsync(File.ReadAllText(RepoPaths.Brief("telehealth")));

        Assert.Equal(2, harness.Observer.Started("designer").Count());
        var gateRounds = doc.History.Where(h => h.Section == SectionNames.Gate).ToList();
        Assert.Equal("revise", gateRounds[0].Content.GetProperty("verdict").GetString());
        GateAssert.Passed(doc.Gate);
        Assert.Contains(doc.Review!.Findings, f => f.Id == "HIPAA-AUDIT" && f.Status == FindingStatus.Resolved && f.RaisedInRound == 1 && f.ResolvedInRound == 2);
        Assert.Contains("CREATE TABLE audit_log", doc.Design!.Database.Ddl, StringComparison.Ordinal);
        Assert.Contains(doc.Design.RevisionNotes, n => n.StartsWith("HIPAA-AUDIT", StringComparison.Ordinal));
        Assert.Equal(2, doc.Design.Revision);
    }
}
