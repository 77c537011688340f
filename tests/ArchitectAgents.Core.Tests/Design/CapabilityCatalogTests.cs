using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Offline;

namespace ArchitectAgents.Core.Tests.Design;

/// <summary>The capability catalogue is data: it loads, every entry can be called for, and matching reads the model.</summary>
public sealed class CapabilityCatalogTests
{
    private static readonly string[] Hostings = ["aws", "azure", "gcp", "onPrem", "hosted"];

    [Fact]
    public void Catalogue_LoadsAtLeastThirtyCapabilities_EachWithTriggersTechnologiesAndRisks()
    {
        var catalog = CapabilityCatalog.Default;

        Assert.True(catalog.Capabilities.Count >= 30, $"{catalog.Capabilities.Count} capabilities");
        Assert.Equal(catalog.Capabilities.Count, catalog.Capabilities.Select(c => c.Id).Distinct().Count());
        Assert.All(catalog.Capabilities, c =>
        {
            Assert.False(c.Triggers.IsEmpty, c.Id);
            Assert.All(Hostings, h => Assert.True(c.Technologies.ContainsKey(h), $"{c.Id} has no {h} technology"));
            Assert.NotEmpty(c.Risks);
            Assert.NotEmpty(c.ScalingTriggers);
            Assert.NotEmpty(c.CostLines);
            Assert.All(c.Components, x => Assert.False(string.IsNullOrWhiteSpace(x.Id) || string.IsNullOrWhiteSpace(x.Kind), c.Id));
        });
    }

    [Fact]
    public void Matching_ReadsTheModel_AndUsesTheHostingsTechnology()
    {
        var f = BriefFacts.Of(3, "Google Cloud", shapes: ["batch"]);
        f.Context.Requirements.UseCases.Add(new UseCase { Id = "uc-1", Actor = "reader", Action = "search", Object = "catalogue", Text = "Readers search the catalogue." });
        var plan = ComponentPlanner.Plan(f, PatternSelector.Select(f), KnowledgeBase.Default);

        var search = Assert.Single(plan.Capabilities, c => c.Id == "full-text-search");
        Assert.Contains("search", search.Because, StringComparison.Ordinal);
        Assert.Contains(plan.Capabilities, c => c.Id == "scheduled-batch" && c.Technology == "Google Cloud Run jobs");
        Assert.DoesNotContain(plan.Capabilities, c => c.Id == "double-entry-ledger");
    }
}
