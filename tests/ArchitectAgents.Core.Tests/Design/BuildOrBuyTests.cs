namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// In a domain products already serve, the design weighs building against adopting one and names them; it recommends
/// adopting first only when the brief's limits call for it (no on-call, a tiny budget), and otherwise says why it builds.
/// </summary>
public sealed class BuildOrBuyTests
{
    [Fact]
    public async Task OnePersonLibraryWithNoOnCall_IsToldToAdoptAHostedLibrarySystemFirst()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Library catalogue
            Borrowers search the catalogue, reserve books and renew loans online; counter staff check items in and out.
            About 2,000 searches a day. I am the only IT person and I can't be on call at weekends. Hosting budget £40/month.
            """);

        var first = doc.Design!.Tradeoffs[0];
        Assert.StartsWith("Adopt an integrated library system", first.Decision, StringComparison.Ordinal);
        Assert.Contains("Koha", first.Decision, StringComparison.Ordinal);
        Assert.StartsWith("Recommended first: adopt", doc.Design.Architecture.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatWithARuledOutProduct_WeighsTheOthers_AndSaysWhyItBuilds()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Internal chat
            Employees chat in channels and send messages to each other; admins archive channels. Slack is not an option
            for us. About 2,000 employees; a team of 6 developers on Azure.
            """);

        var weighed = Assert.Single(doc.Design!.Tradeoffs, t => t.Decision.StartsWith("Build, having weighed a team chat", StringComparison.Ordinal));
        Assert.Contains("Mattermost", weighed.Decision, StringComparison.Ordinal);
        Assert.DoesNotContain("Slack", weighed.Decision, StringComparison.Ordinal);
        Assert.Contains(doc.Design.Architecture.Alternatives, a => a.Pattern.StartsWith("Adopt a team chat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABriefOutsideEveryProductFamily_GetsNoBuildOrBuyRow()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Sensor telemetry
            Turbines send vibration readings every second; engineers view trends and get alerts when a reading drifts.
            About 400 turbines; a team of 5 developers on AWS.
            """);

        Assert.DoesNotContain(doc.Design!.Tradeoffs, t => t.Decision.Contains("having weighed", StringComparison.Ordinal) || t.Decision.StartsWith("Adopt", StringComparison.Ordinal));
    }
}
