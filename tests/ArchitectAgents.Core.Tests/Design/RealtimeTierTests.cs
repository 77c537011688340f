namespace ArchitectAgents.Core.Tests.Design;

/// <summary>A WebSocket tier only where the brief shows a real-time workload, not for "go live" or "within 10 minutes".</summary>
public sealed class RealtimeTierTests
{
    [Fact]
    public async Task GoLiveAndAProcessingDeadline_GetNoWebSocketTier()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Episode processing
            Creators upload episodes and we transcode them; a published episode must be available within 10 minutes.
            We go live in March. About 1,100 episodes a week; a team of 3 developers on GCP.
            """);

        Assert.DoesNotContain(doc.Design!.Architecture.Components, c => c.Id == "realtime");
    }

    [Fact]
    public async Task PresenceAndLiveUpdates_GetTheWebSocketTier()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Team chat
            Employees send messages in channels and see presence and typing indicators in real time. About 3,000
            employees; a team of 6 developers on Azure.
            """);

        Assert.Contains(doc.Design!.Architecture.Components, c => c.Id == "realtime");
    }
}
