namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// "Search availability" asks which rooms (tables, pitches) are free for a period: a query on them, answered where the
/// double-booking guard lives, not a full-text search over an "availabilities" table.
/// </summary>
public sealed class AvailabilityViewTests
{
    [Fact]
    public async Task SearchingAvailability_IsAPeriodQueryOnTheRooms_WithNoTableOfItsOwn()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Guest house
            Guests search availability for their dates and book rooms on our website. A room must never be
            double-booked. About 12 rooms, one developer.
            """);

        var design = doc.Design!;
        Assert.DoesNotContain("CREATE TABLE availabilities", design.Database.Ddl, StringComparison.Ordinal);
        var yaml = design.Api.OpenApiYaml.Replace("\r", "", StringComparison.Ordinal);
        var view = yaml.Split("  /v1/rooms/availability:\n")[1].Split("\n  /v1/")[0];
        Assert.Contains("name: starts_at", view, StringComparison.Ordinal);
        Assert.Contains("name: ends_at", view, StringComparison.Ordinal);
        Assert.Contains("- bookings", view, StringComparison.Ordinal);
        Assert.Contains("search availability", view, StringComparison.Ordinal);
        Assert.DoesNotContain("/v1/availabilities", yaml, StringComparison.Ordinal);
    }
}
