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
    public async Task AHoldOfAPeriod_IsRequestedForThatPeriod()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Room bookings
            Guests book rooms for their dates. A room must never be double-booked. When a guest starts checkout we
            hold the room for 10 minutes; if payment doesn't complete in that time the hold is released.
            About 40 rooms; a team of 3 developers.
            """);

        var holds = Assert.Single(doc.Design!.Capabilities, c => c.Id == "inventory-holds");
        var table = holds.Tables[0];
        var ddl = doc.Design.Database.Ddl;
        var created = ddl.Split($"CREATE TABLE {table} (")[1].Split(");")[0];
        Assert.Contains("starts_at timestamptz NOT NULL", created, StringComparison.Ordinal);
        // The overlap guard ignores every state that no longer holds the room: an expired hold must not keep it for good.
        Assert.Contains("'expired'", created.Split("EXCLUDE USING gist")[1], StringComparison.Ordinal);

        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(doc.Design.Api.OpenApiYaml));
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode;
        var path = holds.Operations.First(o => o.StartsWith("POST", StringComparison.Ordinal) && o.EndsWith("/holds", StringComparison.Ordinal)).Split(' ')[1];
        var post = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)root["paths"])[path])["post"];
        var reference = post["requestBody"]["content"]["application/json"]["schema"]["$ref"].ToString().Split('/')[^1];
        var properties = (YamlDotNet.RepresentationModel.YamlMappingNode)root["components"]["schemas"][reference]["properties"];
        Assert.Contains("starts_at", properties.Children.Keys.Select(k => k.ToString()));
        Assert.Contains("ends_at", properties.Children.Keys.Select(k => k.ToString()));
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
