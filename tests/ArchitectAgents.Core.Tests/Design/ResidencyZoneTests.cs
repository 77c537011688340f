using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A residency rule over stated regions in two jurisdictions gets one regional deployment per jurisdiction, priced
/// per zone; two regions of one jurisdiction (primary and standby) or a region the rule's place contains do not.
/// </summary>
public sealed class ResidencyZoneTests
{
    [Theory]
    [InlineData("eu-central-1", "EU")]
    [InlineData("eu-west-2", "UK")]
    [InlineData("us-east-1", "US")]
    [InlineData("europe-west3", "EU")]
    [InlineData("europe-west2", "UK")]
    [InlineData("West Europe", "EU")]
    [InlineData("East US 2", "US")]
    [InlineData("UK South", "UK")]
    [InlineData("ap-southeast-2", "Australia")]
    public void A_Region_LiesInItsJurisdiction(string region, string jurisdiction) =>
        Assert.Equal(jurisdiction, JurisdictionCatalog.Default.OfRegion(region)?.Id);

    [Fact]
    public async Task TwoJurisdictions_WithAResidencyRule_GetSeparateRegionalDeployments()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Lab results portal
            Clinicians at our labs in Boston and Munich upload lab results and patients view them. EU patient data must
            stay in the EU. We're on AWS in us-east-1 and eu-central-1. About 20,000 patients; team of 5 writing C#.
            """);

        var design = doc.Design!;
        Assert.Contains("separate regional deployments", design.Deployment.Platform, StringComparison.Ordinal);
        Assert.Contains("EU in eu-central-1", design.Deployment.Platform, StringComparison.Ordinal);
        Assert.Contains("US in us-east-1", design.Deployment.Platform, StringComparison.Ordinal);
        Assert.DoesNotContain("stay in EU, us-east-1", design.Deployment.Platform, StringComparison.Ordinal);
        Assert.Contains(design.Tradeoffs, t => t.Decision.StartsWith("Separate regional deployments", StringComparison.Ordinal));
        Assert.Contains(design.Risks, r => r.Id == "risk-residency-zones");
        var database = Assert.Single(design.Cost.Lines, l => l.Item.Contains("RDS", StringComparison.Ordinal));
        Assert.Contains("× 2 (one stack per residency zone", database.Item, StringComparison.Ordinal);
        Assert.DoesNotContain(design.Cost.Lines, l => l.TechnologyId == "github-actions" && l.Item.Contains("residency zone", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Customer data stays in the EU. We're on GCP (europe-north1 primary, europe-west3 for DR).")]
    [InlineData("AWS, eu-west-2 (London). Guest data must stay in the UK/EU (GDPR).")]
    [InlineData("We're on AWS in us-east-1 and eu-central-1.")]
    public async Task OneZone_OrNoRule_KeepsOneDeployment(string placement)
    {
        var doc = await new DesignHarness().DesignAsync($"""
            # Booking desk
            Guests book rooms and staff confirm the bookings. {placement} About 5,000 guests; team of 4 writing Java.
            """);

        var design = doc.Design!;
        Assert.DoesNotContain("separate regional deployments", design.Deployment.Platform, StringComparison.Ordinal);
        Assert.DoesNotContain(design.Risks, r => r.Id == "risk-residency-zones");
        Assert.DoesNotContain(design.Cost.Lines, l => l.Item.Contains("residency zone", StringComparison.Ordinal));
    }
}
