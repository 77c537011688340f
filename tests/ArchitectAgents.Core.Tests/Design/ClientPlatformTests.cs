namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// What the users hold ("180 Zebra TC52 handhelds (Android)") is a client platform and a device count, and how a
/// system is reached ("(OData)") is an interface: neither is an external system to draw and integrate with.
/// </summary>
public sealed class ClientPlatformTests
{
    [Fact]
    public async Task HandheldsAndTheirOs_AreClientPlatformsAndADeviceCount_NotExternalSystems()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Depot picking
            Pickers scan totes and confirm picks on about 180 Zebra TC52 handhelds (Android). Supervisors see open
            picks per zone. Pick lists come from our existing SAP EWM (OData). A team of 3 developers.
            """);

        Assert.Equal(180, doc.Context!.Figures.Devices!.Value);
        var components = doc.Design!.Architecture.Components;
        Assert.DoesNotContain(components, c => c.Name.Contains("Zebra", StringComparison.Ordinal));
        Assert.DoesNotContain(components, c => c.Name.Contains("Android", StringComparison.Ordinal));
        Assert.DoesNotContain(components, c => c.Name.Contains("OData", StringComparison.Ordinal));
        Assert.Contains(components, c => c.Name.Contains("SAP EWM", StringComparison.Ordinal)
            && c.Responsibility.Contains("OData", StringComparison.Ordinal));
        Assert.Contains(components, c => c.Kind == "client"
            && c.Responsibility.Contains("Zebra TC52", StringComparison.Ordinal)
            && c.Responsibility.Contains("Android", StringComparison.Ordinal));
    }
}
