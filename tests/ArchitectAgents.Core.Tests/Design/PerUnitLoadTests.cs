namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A load stated per site ("about 2,000 orders a day per store") beside the number of sites is sized as the total:
/// the context's daily volume and peak rate, and the first scaling phase, use the product, shown as derived.
/// </summary>
public sealed class PerUnitLoadTests
{
    [Fact]
    public async Task APerStoreLoad_TimesTheStores_SizesTheDesign()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Click and collect
            We run 40 stores. Customers place click-and-collect orders online and store staff pick them; each store
            handles about 2,000 orders a day at the peak before Christmas. Our team of 6 writes C#. Hosted on Azure.
            """);

        var context = doc.Context!;
        Assert.Equal(80_000, context.Figures.TransactionsPerDay?.Value);
        Assert.Contains("× 40 stores", context.Figures.TransactionsPerDay!.Evidence, StringComparison.Ordinal);
        var total = Assert.Single(context.Requirements.Figures, f => f.Total);
        Assert.Equal(80_000, total.Value);
        // 80,000/day at a 10x busy hour is about 10/s; the share alone would be 1/s.
        Assert.True(context.Figures.PeakRequestsPerSecond?.Value >= 9, context.Figures.PeakRequestsPerSecond?.Evidence);
        Assert.Contains("80,000 orders/day (across 40 stores)", doc.Design!.Scaling[0].Trigger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARatePerMinute_IsThePeakInRequestsASecond()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Ride hailing
            Riders request rides and drivers accept offers. We expect 2 million riders, peaking at 240k ride requests per
            minute on New Year's Eve. We run on AWS; a team of 60 engineers.
            """);

        var peak = doc.Context!.Figures.PeakRequestsPerSecond!;
        Assert.Equal(4_000, peak.Value);
        Assert.False(peak.Assumed);
        Assert.DoesNotContain(doc.Context.Requirements.Figures, f => f.Derived && f.Unit.EndsWith("/s", StringComparison.Ordinal));
    }
}

