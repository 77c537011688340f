namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// The brief's dates become a delivery plan: what is proved before the first go-live, the first slice in the brief's
/// words, a go/no-go on the stated targets, then each later slice; no date, no plan.
/// </summary>
public sealed class DeliveryPlanTests
{
    [Fact]
    public async Task APilotThenTheRest_IsPlannedAsSlicesWithAGoNoGoBetween()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Table bookings
            Customers book tables online and hosts seat them; bookings sync with our existing SiteMinder account.
            A team of 3 developers. Pages must load in under 300 ms. Launch in 5 pilot restaurants in March, the whole network before the summer.
            """);

        var plan = doc.Design!.Deployment.Milestones;
        Assert.NotEmpty(plan);
        var first = Assert.Single(plan, m => m.Contains("Ready for the first date", StringComparison.Ordinal));
        Assert.Contains("5 pilot restaurants in March", first, StringComparison.Ordinal);
        var gate = plan.FindIndex(m => m.Contains("Go/no-go", StringComparison.Ordinal));
        var rest = plan.FindIndex(m => m.Contains("the whole network before the summer", StringComparison.Ordinal));
        Assert.True(gate > plan.IndexOf(first) && rest > gate, string.Join('\n', plan));
        Assert.Contains("300 ms", plan[gate], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatedPeak_IsLoadTestedBeforeTheDate()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Registration
            Students register for course sections. Registration opens at 08:00 and roughly 9,000 students arrive in the
            first 15 minutes. A team of 4 developers on Azure; it has to work for the January registration.
            """);

        var plan = doc.Design!.Deployment.Milestones;
        var load = Assert.Single(plan, m => m.Contains("load test", StringComparison.Ordinal));
        Assert.Contains("9,000", load, StringComparison.Ordinal);
        Assert.True(plan.IndexOf(load) < plan.FindIndex(m => m.Contains("Ready for the first date", StringComparison.Ordinal)));
        // One cohort, not a pilot: no waves of "the rest".
        Assert.DoesNotContain(plan, m => m.Contains("in waves", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoDate_NoPlan()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Notes
            Users write notes and share them with their team. A team of 3 developers on AWS.
            """);

        Assert.Empty(doc.Design!.Deployment.Milestones);
    }
}
