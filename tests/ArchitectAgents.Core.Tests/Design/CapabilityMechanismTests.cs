using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A capability brings its mechanism into the brief's own domain: the hold table and operations on the thing the
/// brief holds, with the duration the brief states (or a default said to be assumed), and the gate checks that what
/// a capability lists is in the artifacts.
/// </summary>
public sealed class CapabilityMechanismTests
{
    [Fact]
    public async Task SeatHolds_UseTheStatedDuration_AndAddHoldOperationsOnSeats()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Theatre tickets
            Customers select a seat for a performance and we hold the seat for 7 minutes while they pay by card.
            A seat must never be sold twice. About 2,000 orders a day; a team of 5 developers.
            """);

        var holds = Assert.Single(doc.Design!.Capabilities, c => c.Id == "inventory-holds");
        Assert.Contains("7 minutes (stated)", holds.Mechanism, StringComparison.Ordinal);
        var table = Assert.Single(holds.Tables);
        Assert.Contains($"CREATE TABLE {table}", doc.Design.Database.Ddl, StringComparison.Ordinal);
        Assert.Contains("expires_at timestamptz NOT NULL", doc.Design.Database.Ddl, StringComparison.Ordinal);
        Assert.Contains("POST /v1/seats/{id}/holds", holds.Operations);
        Assert.Contains("/v1/seats/{id}/holds:", doc.Design.Api.OpenApiYaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HoldWithoutAStatedDuration_SaysTheDefaultIsAssumed()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Campsite bookings
            Campers reserve a pitch for their dates and pay a deposit online. A pitch must never be double-booked.
            About 300 bookings a day in summer; a team of 2 developers.
            """);

        var holds = Assert.Single(doc.Design!.Capabilities, c => c.Id == "inventory-holds");
        Assert.Contains("(assumed: the brief states none)", holds.Mechanism, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MechanismCheck_FlagsACapabilityWhoseTableTheSchemaLacks()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Theatre tickets
            Customers select a seat for a performance and we hold the seat for 7 minutes while they pay by card.
            A seat must never be sold twice. About 2,000 orders a day; a team of 5 developers.
            """);
        var clean = DesignCheckRegistry.Default.Run(doc).Single(r => r.CheckId == "mechanism-in-artifacts");
        Assert.Empty(clean.Findings);

        doc.Design!.Capabilities.First(c => c.Tables.Count > 0).Tables.Add("ghost_holds");
        var broken = DesignCheckRegistry.Default.Run(doc).Single(r => r.CheckId == "mechanism-in-artifacts");
        Assert.Contains(broken.Findings, f => f.Detail.Contains("ghost_holds", StringComparison.Ordinal));
    }
}
