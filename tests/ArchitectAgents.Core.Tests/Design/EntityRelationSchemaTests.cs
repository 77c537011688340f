namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// The schema's foreign keys follow the brief's relations and the kinds of its records: a message in a channel, a
/// channel's members, presence in the cache, two bookings of one room refused by the database, a course section held
/// by as many registrations as its capacity.
/// </summary>
public sealed class EntityRelationSchemaTests
{
    private static string Table(string ddl, string name) =>
        ddl.Replace("\r", "", StringComparison.Ordinal).Split($"CREATE TABLE {name} (\n")[1].Split("\n);")[0];

    [Fact]
    public async Task AChatBrief_HasMessagesInChannels_MembersAsAJoinTable_AndPresenceInTheCache()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Team chat
            Admins create channels. Members post messages in a channel, reply in threads and upload files to a message.
            Members join channels, leave channels and update their presence. About 5,000 users, a team of 4 developers on AWS.
            """);

        var ddl = doc.Design!.Database.Ddl;
        Assert.Contains("channel_id uuid NOT NULL REFERENCES channels(id)", Table(ddl, "messages"), StringComparison.Ordinal);
        var members = Table(ddl, "channel_members");
        Assert.Contains("user_id uuid NOT NULL REFERENCES users(id)", members, StringComparison.Ordinal);
        Assert.Contains("UNIQUE (channel_id, user_id)", members, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE TABLE presences", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE TABLE presence ", ddl, StringComparison.Ordinal);
        var yaml = doc.Design.Api.OpenApiYaml;
        Assert.Contains("/v1/presence", yaml, StringComparison.Ordinal);
        Assert.Contains("  /v1/channels/{id}/members:", yaml, StringComparison.Ordinal);
        Assert.Contains("operationId: joinChannel", yaml, StringComparison.Ordinal);
        Assert.Contains("operationId: leaveChannel", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("  /v1/channel-members:", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookingsOfOneRoom_MayNotOverlap_AndAPaymentHangsOffTheBooking()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Hotel group
            Owners list hotels and guests book rooms at one of our hotels for a stay; guests pay for bookings by card.
            Front desk staff cancel bookings. About 40 hotels, 3,000 rooms, a team of 5 developers on AWS.
            """);

        var ddl = doc.Design!.Database.Ddl;
        Assert.Contains("CREATE EXTENSION IF NOT EXISTS btree_gist;", ddl, StringComparison.Ordinal);
        var bookings = Table(ddl, "bookings");
        Assert.Contains("room_id uuid NOT NULL REFERENCES rooms(id)", bookings, StringComparison.Ordinal);
        Assert.Contains("EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&)", bookings, StringComparison.Ordinal);
        Assert.Contains("hotel_id uuid NOT NULL REFERENCES hotels(id)", Table(ddl, "rooms"), StringComparison.Ordinal);
        Assert.Contains("booking_id uuid NOT NULL REFERENCES bookings(id)", Table(ddl, "payments"), StringComparison.Ordinal);
        Assert.Contains(doc.Validation!.Results, r => r.Validator.StartsWith("postgresql", StringComparison.Ordinal) && r.Outcome == Core.Document.ValidationOutcome.Passed);
    }

    [Fact]
    public async Task ASectionWithASeatCap_IsHeldByManyRegistrations_NotGuardedAgainstOverlap()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Course registration
            Admins publish sections; a section has a seat cap. Students register for sections and join a waitlist when one is full.
            About 31k students, a team of 4 developers on Azure.
            """);

        var ddl = doc.Design!.Database.Ddl;
        var registrations = Table(ddl, "registrations");
        Assert.Contains("section_id uuid NOT NULL REFERENCES sections(id)", registrations, StringComparison.Ordinal);
        Assert.Contains("created_by uuid NOT NULL REFERENCES students(id)", registrations, StringComparison.Ordinal);
        Assert.DoesNotContain("EXCLUDE", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("email text", registrations, StringComparison.Ordinal);
        // The section holds the time; a registration in it is no booking of a period.
        Assert.DoesNotContain("starts_at", registrations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PicksCarryQuantities_AndQueriesTheirText_NotAPlaceholderNote()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Stores app
            Pickers confirm picks from bins on handhelds. Auditors raise discrepancies and store managers answer them.
            Safety officers record inspections of racks.
            About 300 pickers, a team of 3 writing Kotlin.
            """);

        var ddl = doc.Design!.Database.Ddl;
        var picks = Table(ddl, "picks");
        Assert.Contains("quantity integer NOT NULL CHECK (quantity > 0)", picks, StringComparison.Ordinal);
        Assert.Contains("quantity_done integer NOT NULL", picks, StringComparison.Ordinal);
        var discrepancies = Table(ddl, "discrepancies");
        Assert.Contains("description text NOT NULL", discrepancies, StringComparison.Ordinal);
        Assert.DoesNotContain("notes text", discrepancies, StringComparison.Ordinal);
        Assert.Contains("outcome text CHECK (outcome IN ('passed','failed','referred'))", Table(ddl, "inspections"), StringComparison.Ordinal);
    }
}
