namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A use case whose action leaves a record of its own ("reserve a book" → a reservation, "join a waitlist" → a
/// waitlist entry) creates that record, referencing the thing acted on, never the thing itself; paying a stated
/// charge takes the amount from the charge.
/// </summary>
public sealed class RecordCreateTests
{
    [Fact]
    public async Task ReservingABook_CreatesAReservation_NotABook()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Parish library
            Borrowers search the catalogue and reserve books online; volunteers renew loans at the desk.
            About 2,000 borrowers and 9,000 books. A team of 2 developers.
            """);

        var yaml = Yaml(doc);
        var books = PathItem(yaml, "/v1/books");
        Assert.DoesNotContain("post:", books, StringComparison.Ordinal);
        var reservations = PathItem(yaml, "/v1/reservations");
        Assert.Contains("post:", reservations, StringComparison.Ordinal);
        Assert.Contains("Borrowers reserve books", reservations, StringComparison.Ordinal);
        Assert.Contains("operationId: reserveBook", reservations, StringComparison.Ordinal);
        var create = Schema(yaml, "ReservationCreate");
        Assert.Contains("book_id", create, StringComparison.Ordinal);
        Assert.DoesNotContain("created_by", create, StringComparison.Ordinal);
        // The borrower reserves for themselves: who it is for comes from the token, or anyone could reserve for anyone.
        Assert.DoesNotContain("user_id", create, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoiningAWaitlist_CreatesAnEntryTheServerPlaces()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Swimming lessons
            Parents book lessons for their children; when a lesson is full, parents join a waitlist.
            About 800 families. A team of 3 developers.
            """);

        var sql = doc.Design!.Database.Ddl;
        Assert.Contains("CREATE TABLE waitlist_entries", sql, StringComparison.Ordinal);
        var entries = sql.Split("CREATE TABLE waitlist_entries")[1].Split(");")[0];
        Assert.Contains("waitlist_id uuid NOT NULL REFERENCES waitlists(id)", entries, StringComparison.Ordinal);
        Assert.Contains("position integer NOT NULL", entries, StringComparison.Ordinal);
        var yaml = Yaml(doc);
        var join = PathItem(yaml, "/v1/waitlist-entries");
        Assert.Contains("operationId: joinWaitlist", join, StringComparison.Ordinal);
        var create = Schema(yaml, "WaitlistEntryCreate");
        Assert.DoesNotContain("position", create, StringComparison.Ordinal);
        Assert.DoesNotContain("post:", PathItem(yaml, "/v1/waitlists"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayingForABooking_TakesTheAmountFromTheBooking()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Room bookings
            Guests book rooms for their dates and pay for the booking by card. About 40 rooms; a team of 3 developers.
            """);

        // The guest pays through the hosted checkout, opened for the booking; no client creates a payment record.
        var yaml = Yaml(doc);
        Assert.DoesNotContain("PaymentCreate:", yaml, StringComparison.Ordinal);
        var checkout = Schema(yaml, "PostCheckoutSessionsRequest");
        Assert.Contains("booking_id", checkout, StringComparison.Ordinal);
        Assert.DoesNotContain("amount", checkout, StringComparison.Ordinal);
        var pay = Assert.Single(doc.Context!.Requirements.UseCases, u => u.Action == "pay");
        Assert.Contains($"- {pay.Id}", yaml.Split("/v1/checkout-sessions:")[1].Split("\n  /")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingABookingBetweenRooms_UpdatesItsRoom_AndNothingElseItReferences()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Guest house
            Guests book rooms for their dates on our website; the owner moves bookings between rooms when a room is
            out of order. About 12 rooms, one developer.
            """);

        var yaml = Yaml(doc);
        var update = Schema(yaml, "BookingUpdate");
        Assert.Contains("room_id", update, StringComparison.Ordinal);
        Assert.DoesNotContain("user_id", update, StringComparison.Ordinal);
    }

    private static string Yaml(ArchitectAgents.Core.Document.DesignDocument doc) => doc.Design!.Api.OpenApiYaml.Replace("\r", "", StringComparison.Ordinal);

    // A component schema's block: its name line up to the next schema at the same indent.
    private static string Schema(string yaml, string name) => yaml.Split($"    {name}:\n")[1].Split("\n    ").TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal) || l.Length == 0).Aggregate("", (a, l) => a + "\n    " + l);

    // A path item's block, up to the next path.
    private static string PathItem(string yaml, string path) => yaml.Split($"  {path}:\n")[1].Split("\n  /v1/")[0];
}
