namespace ArchitectAgents.Core.Tests.Design;

/// <summary>The monolith's modules are the brief's own things, not template entities a keyword matched in another domain.</summary>
public sealed class ModuleNameTests
{
    [Fact]
    public async Task Modules_AreTheThingsTheBriefsUseCasesActOn()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Inn bookings
            Guests book rooms at our 12 inns and pay a deposit by card; innkeepers check guests in and move bookings between rooms.
            About 300 bookings a day, a team of 3 developers on PostgreSQL.
            """);

        var app = Assert.Single(doc.Design!.Architecture.Components, c => c.Responsibility.StartsWith("One deployable with modules:", StringComparison.Ordinal));
        Assert.Contains("rooms", app.Responsibility, StringComparison.Ordinal);
        Assert.Contains("bookings", app.Responsibility, StringComparison.Ordinal);
        foreach (var template in new[] { "patients", "carts", "appointments", "providers" })
        {
            Assert.DoesNotContain(template, app.Responsibility, StringComparison.Ordinal);
        }
    }
}
