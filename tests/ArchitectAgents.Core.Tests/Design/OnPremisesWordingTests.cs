namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A design on the organisation's own servers is worded for them: no cloud zones, no hosting platform's secret store,
/// certificates from the organisation's CA, a reverse proxy in front; and "goes live" is a date, not a real-time workload.
/// </summary>
public sealed class OnPremisesWordingTests
{
    [Fact]
    public async Task OnPremJavaDesign_HasNoCloudWords_AndMigratesWithFlyway()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Plant maintenance log
            Technicians log repairs of machines and supervisors approve them. Everything runs on-prem in our own data
            centre on VMware; no public cloud. Our team of 4 writes Java. It must be available 99.9% of the time.
            The system goes live in March. About 300 technicians.
            """);

        var design = doc.Design!;
        var text = string.Join('\n', design.Deployment.SecurityControls) + "\n" + string.Join('\n', design.Risks.Select(r => r.Mitigation))
            + "\n" + string.Join('\n', design.Database.MigrationNotes) + "\n" + string.Join('\n', design.Architecture.Components.Select(c => c.Name));
        Assert.DoesNotContain("second zone", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting platform secret store", text, StringComparison.Ordinal);
        Assert.DoesNotContain("renewed automatically by VMware", text, StringComparison.Ordinal);
        Assert.Contains("certificate authority", text, StringComparison.Ordinal);
        Assert.Contains(design.Architecture.Components, c => c.Name == "Reverse proxy (on-premises)");
        Assert.Contains(design.Database.MigrationNotes, n => n.Contains("versioned Flyway files", StringComparison.Ordinal));
        // "goes live in March" is a date: no connection tier for live updates.
        Assert.DoesNotContain(design.Architecture.Components, c => c.Name.Contains("WebSocket", StringComparison.Ordinal));
        Assert.DoesNotContain("real-time updates", design.Architecture.Reason, StringComparison.Ordinal);
    }
}
