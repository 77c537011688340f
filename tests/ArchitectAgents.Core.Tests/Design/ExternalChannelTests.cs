namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// Systems the brief says reach it through another ("via our channel manager") hang off that one in the diagram:
/// the design integrates the channel manager once and never calls the channels directly.
/// </summary>
public sealed class ExternalChannelTests
{
    [Fact]
    public async Task ChannelsReachedViaAChannelManager_AreNotIntegratedDirectly()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Holiday lets
            Guests book cottages on our website and through Airbnb and Vrbo, which reach us via our channel manager
            (Hostaway); owners see their bookings. About 400 cottages; a team of 3 writes Python on AWS.
            """);

        var design = doc.Design!;
        var mermaid = design.Architecture.Mermaid;
        Assert.Contains("ext_hostaway -.->|\"relays\"| ext_airbnb", mermaid, StringComparison.Ordinal);
        Assert.Contains("ext_hostaway -.->|\"relays\"| ext_vrbo", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("-.->|\"integration\"| ext_airbnb", mermaid, StringComparison.Ordinal);
        Assert.Contains("|\"integration\"| ext_hostaway", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOrganisationsWebHost_IsNoSystemTheDesignCalls()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Allotment society
            Members book the shared rotavator and the committee approves new members. Around 60 members. It should run
            on our existing shared hosting via our web host (Krystal). One volunteer developer who knows PHP.
            """);

        Assert.DoesNotContain(doc.Design!.Architecture.Components, c => c.Name == "Krystal");
        Assert.DoesNotContain(doc.Design.Cost.Assumptions, a => a.Contains("fees of Krystal", StringComparison.Ordinal));
    }
}

