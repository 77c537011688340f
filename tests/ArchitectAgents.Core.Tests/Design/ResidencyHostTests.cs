namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A hosted platform where the data must stay in one place is a host with data centres there, named, and logs and
/// traces stay with that host instead of going to a SaaS tracker elsewhere; the data-protection law a brief names
/// sets where data lives when no residency rule is stated.
/// </summary>
public sealed class ResidencyHostTests
{
    [Fact]
    public async Task FrenchResidencyOnAHostedPlatform_NamesFrenchHosts_AndKeepsLogsWithTheHost()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Réservations
            Les clients réservent une table en ligne; les serveurs consultent les réservations du service.
            Équipe de 3 développeurs. Budget : 300 €/mois. Données clients hébergées en France (RGPD).
            """);

        var design = doc.Design!;
        var platform = design.Deployment.Platform;
        Assert.Contains("in France", platform, StringComparison.Ordinal);
        Assert.Contains("OVHcloud", platform, StringComparison.Ordinal);
        Assert.DoesNotContain(design.Technologies, t => t.Id == "sentry");
        Assert.Contains(design.Technologies, t => t.Id == "platform-monitoring");
    }

    [Fact]
    public async Task WithoutAResidencyRule_TheHostedKitKeepsItsSaaSTracker()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Bookings
            Customers book a table online; waiters view the bookings of the service.
            A team of 3 developers. Budget: $300/month.
            """);

        Assert.Contains(doc.Design!.Technologies, t => t.Id == "sentry");
        Assert.DoesNotContain("in France", doc.Design.Deployment.Platform, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Borrower data is personal data under UK GDPR.", "the UK")]
    [InlineData("We store patient data; GDPR applies.", "the EU/EEA")]
    public async Task TheLawsPlace_IsTheResidencyAssumption(string clause, string place)
    {
        var doc = await new DesignHarness().DesignAsync($"""
            # Records
            Staff record visits and managers export the monthly report. A team of 4 developers. {clause}
            """);

        var residency = Assert.Single(doc.Context!.Assumptions, a => a.Topic == "data residency");
        Assert.Contains(place, residency.Statement, StringComparison.Ordinal);
        Assert.DoesNotContain("No residency requirement", residency.Statement, StringComparison.Ordinal);
    }
}
