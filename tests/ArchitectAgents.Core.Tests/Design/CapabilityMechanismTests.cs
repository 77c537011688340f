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
    public async Task StatedSlots_ClaimEachThingPerSlot_AndAPaidHoldIsConfirmedOnlyByThePaymentWebhook()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Table bookings
            Guests reserve a table online in 30-minute slots; tables can be combined for large groups. Guests pay a deposit
            by card for a group booking. About 20 restaurants; a team of 2 developers on MySQL.
            """);

        var holds = Assert.Single(doc.Design!.Capabilities, c => c.Id == "inventory-holds");
        var ddl = doc.Design.Database.Ddl;
        var claims = Assert.Single(holds.Tables, t => t.EndsWith("_slots", StringComparison.Ordinal));
        var block = ddl.Split($"CREATE TABLE {claims} (")[1].Split(");")[0];
        // One claim row per table and slot: a uniqueness constraint any SQL database enforces, and several tables per booking.
        Assert.Contains("UNIQUE (table_id, slot_start)", block, StringComparison.Ordinal);
        var holder = holds.Tables[0];
        Assert.DoesNotContain("EXCLUDE USING gist", ddl.Split($"CREATE TABLE {holder} (")[1].Split(");")[0], StringComparison.Ordinal);
        Assert.Contains("30-minute slots (stated)", holds.Mechanism, StringComparison.Ordinal);
        // The slot length is not the hold's duration.
        Assert.DoesNotContain("30 minutes (stated)", holds.Mechanism, StringComparison.Ordinal);
        Assert.Contains(holds.Operations, o => o.EndsWith("/availability", StringComparison.Ordinal));

        // The client never confirms a paid hold: the provider's webhook does.
        Assert.Contains(doc.Design.Capabilities, c => c.Id == "hosted-checkout");
        Assert.DoesNotContain(holds.Operations, o => o.EndsWith("/confirm", StringComparison.Ordinal));
        Assert.Contains("webhook confirms the", holds.Mechanism, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHoldOfAPeriod_IsTheBookingsFirstState_RequestedForThatPeriod()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Room bookings
            Guests book rooms for their dates. A room must never be double-booked. When a guest starts checkout we
            hold the room for 10 minutes; if payment doesn't complete in that time the hold is released.
            About 40 rooms; a team of 3 developers.
            """);

        // One record claims the room: the booking starts as the hold, so a hold and a booking can never both hold it.
        var holds = Assert.Single(doc.Design!.Capabilities, c => c.Id == "inventory-holds");
        Assert.Equal("bookings", holds.Tables[0]);
        var ddl = doc.Design.Database.Ddl;
        Assert.DoesNotContain("_holds (", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE TABLE holds (", ddl, StringComparison.Ordinal);
        var created = ddl.Split("CREATE TABLE bookings (")[1].Split(");")[0];
        Assert.Contains("starts_at timestamptz NOT NULL", created, StringComparison.Ordinal);
        Assert.Contains("DEFAULT 'held'", created, StringComparison.Ordinal);
        Assert.Contains("hold_expires_at timestamptz", created, StringComparison.Ordinal);
        // The overlap guard ignores every state that no longer holds the room: an expired hold must not keep it for good.
        Assert.Contains("'expired'", created.Split("EXCLUDE USING gist")[1], StringComparison.Ordinal);
        Assert.Contains("10 minutes (stated)", holds.Mechanism, StringComparison.Ordinal);

        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(doc.Design.Api.OpenApiYaml));
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode;
        var post = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)root["paths"])["/v1/bookings"])["post"];
        var reference = post["requestBody"]["content"]["application/json"]["schema"]["$ref"].ToString().Split('/')[^1];
        var properties = ((YamlDotNet.RepresentationModel.YamlMappingNode)root["components"]["schemas"][reference]["properties"]).Children.Keys.Select(k => k.ToString()).ToList();
        Assert.Contains("starts_at", properties);
        Assert.Contains("ends_at", properties);
        // The server sets the hold's expiry and state; the caller cannot hold the room for longer.
        Assert.DoesNotContain("hold_expires_at", properties);
        Assert.DoesNotContain("status", properties);
        Assert.Contains(holds.Operations, o => o == "POST /v1/bookings/{id}/release");
        // The example's period ends after it starts, as the schema's check requires.
        Assert.Contains("2026-12-03T10:00:00Z", doc.Design.Api.OpenApiYaml, StringComparison.Ordinal);
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

    [Fact]
    public async Task MoneyMovingCreates_RequireAnIdempotencyKey_BackedByAServerOnlyTable()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Transfers
            Customers send money to a friend by phone number. A retry must never send twice. About 200k transfers/day on GCP.
            """);

        Assert.Contains(doc.Design!.Capabilities, c => c.Id == "idempotency-keys");
        Assert.Contains("CREATE TABLE idempotency_keys (", doc.Design.Database.Ddl, StringComparison.Ordinal);
        Assert.Contains("UNIQUE (caller_id, idempotency_key)", doc.Design.Database.Ddl, StringComparison.Ordinal);
        var yaml = doc.Design.Api.OpenApiYaml;
        Assert.Contains("name: Idempotency-Key\n      in: header\n      required: true", yaml.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("/v1/idempotency-keys", yaml, StringComparison.Ordinal);
        Assert.Contains("- idempotency_keys", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(DesignCheckRegistry.Default.Run(doc).SelectMany(r => r.Findings), f => f.Detail.Contains("idempotency_keys", StringComparison.Ordinal));
    }
}
