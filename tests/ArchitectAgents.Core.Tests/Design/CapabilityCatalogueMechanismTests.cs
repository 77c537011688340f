using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// Every capability of the catalogue brings its mechanism into the design, bounded by the brief's own figures: a
/// published feed is a public object the CDN revalidates, an upload is capped at the stated size, a cache lives as long
/// as the staleness the brief allows, an audit trail is a hash-chained table, and media is served as variants.
/// </summary>
public sealed class CapabilityCatalogueMechanismTests
{
    [Fact]
    public void EveryCapability_HasAMechanism()
    {
        var missing = Core.Knowledge.CapabilityCatalog.Default.Capabilities.Where(c => c.Mechanism is not { Description.Length: > 0 } && c.Id != "buy-not-build").Select(c => c.Id).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task PolledFeeds_ArePublicObjectsTheCdnRevalidates_AndClaimThePolling()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Podcast hosting
            Creators publish episodes to their shows. Podcast apps poll RSS feeds, about 15M feed requests a month,
            and listeners download episodes (2.5M downloads a month). A team of 3 on GCP.
            """);

        var isr = Assert.Single(doc.Design!.Capabilities, c => c.Id == "static-site-isr");
        var path = Assert.Single(isr.Operations, o => o.StartsWith("GET /v1/public/", StringComparison.Ordinal))[4..];
        var contract = OpenApiContract.Read(doc.Design.Api.OpenApiYaml);
        var feed = Assert.Single(contract.Operations, o => o.Path == path);
        Assert.False(feed.Authenticated);
        Assert.True(feed.Published);
        Assert.Contains("304", feed.Responses);
        var poll = Assert.Single(doc.Context!.Requirements.UseCases, u => u.Action == "poll");
        Assert.Contains(poll.Id, feed.UseCases);
        Assert.Contains("ETag", doc.Design.Api.OpenApiYaml, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Review!.Findings, f => f.Id.StartsWith("API1.", StringComparison.Ordinal) && f.Status == Core.Document.FindingStatus.Open);

        // Audio is served as processed variants from the CDN, never as the uploaded original.
        var media = Assert.Single(doc.Design.Capabilities, c => c.Id == "media-pipeline-cdn");
        var renditions = Assert.Single(media.Tables, t => t.EndsWith("_renditions", StringComparison.Ordinal));
        Assert.Contains($"CREATE TABLE {renditions}", doc.Design.Database.Ddl, StringComparison.Ordinal);
        Assert.Contains("originals are never served", media.Mechanism, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatedFileSize_CapsTheUpload_InTheContractAndTheSchema()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Team chat
            Employees send messages in channels and share files up to 250 MB. About 2,000 employees; a team of 6 on Azure.
            """);

        var upload = Assert.Single(doc.Design!.Capabilities, c => c.Id == "secure-file-upload");
        Assert.Contains("at most 250 MB (stated)", upload.Mechanism, StringComparison.Ordinal);
        var bytes = (250L << 20).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches($@"\b\w*size\w* <= {bytes}\b", doc.Design.Database.Ddl);
        Assert.Contains($"maximum: {bytes}", doc.Design.Api.OpenApiYaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CacheTtl_IsTheStalenessTheBriefAllows_NotAnotherTimeTarget()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Partner stock API
            Partners read stock levels and push orders, up to 400 requests/s at peak. The stock a partner sees should
            never be more than 45 seconds stale. Orders reach the warehouse within 10 minutes. A team of 5 on AWS.
            """);

        var cache = Assert.Single(doc.Design!.Capabilities, c => c.Id == "read-replica-cache");
        Assert.Contains("TTL of 45 seconds (stated)", cache.Mechanism, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditTrail_IsOneHashChainedTable_EvenWhenARegimeAsksForItToo()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Clinic notes
            Clinicians record visit notes for patients and managers approve corrections. Data is PHI under HIPAA and we
            are audited for SOC 2. About 4,000 patients; a team of 5 developers.
            """);

        var ddl = doc.Design!.Database.Ddl;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(ddl, @"CREATE TABLE audit_log\b"));
        var block = ddl.Split("CREATE TABLE audit_log (")[1].Split(");")[0];
        Assert.Contains("prev_hash", block, StringComparison.Ordinal);
        Assert.Contains("old_value", block, StringComparison.Ordinal);
        Assert.Contains(doc.Design.Deployment.SecurityControls, c => c.Contains("Every read and write of PHI", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PaidByHostedCheckout_HasNoCardholderEnvironmentToFence_AndNoClusterPolicies()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Event tickets
            Fans buy tickets by card through Stripe Checkout; we are in PCI DSS scope for the payment pages. About 3,000
            orders a day on AWS; a team of 4 developers.
            """);

        Assert.Contains(doc.Design!.Capabilities, c => c.Id == "hosted-checkout");
        var controls = string.Join('\n', doc.Design.Deployment.SecurityControls);
        Assert.DoesNotContain("NetworkPolicies", controls, StringComparison.Ordinal);
        Assert.Contains("SAQ A", controls, StringComparison.Ordinal);
        Assert.DoesNotContain("Rate limiting at Application Load Balancer gives", controls, StringComparison.Ordinal);
        Assert.DoesNotContain("Identity provider", controls.Split('\n').Single(c => c.Contains("SAQ A", StringComparison.Ordinal)), StringComparison.Ordinal);
        // A retried checkout opens no second session.
        var checkout = doc.Design.Api.OpenApiYaml.Split("/v1/checkout-sessions:")[1].Split("\n  /")[0];
        Assert.Contains("#/components/parameters/IdempotencyKey", checkout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadHeavySearch_IsPublic_AndCachedFromLaunch_AcrossZones()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Holiday cottages
            Guests search availability for their dates and book cottages; about 40,000 searches a day and 250 requests/s
            at the Sunday-evening peak. A cottage must never be double-booked. 99.9% availability; on AWS, a team of 4.
            """);

        var contract = OpenApiContract.Read(doc.Design!.Api.OpenApiYaml);
        var search = Assert.Single(contract.Operations, o => o.Path.EndsWith("/availability", StringComparison.Ordinal));
        Assert.False(search.Authenticated);
        var launch = string.Join('\n', doc.Design.Scaling[0].Actions);
        Assert.Contains("from day one", launch, StringComparison.Ordinal);
        Assert.Contains("two availability zones", launch, StringComparison.Ordinal);
        Assert.Contains(doc.Design.Cost!.Lines, l => l.Component == "cache");
    }

    [Fact]
    public async Task BotsInTheLoad_PutAFirewallAndTheWaitingRoomInTheClientsPath_ChallengingOnlySuspiciousSessions()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Festival tickets
            Fans buy tickets when a festival goes on sale: 200k people try to get in at 09:00 sharp, and bots are a large
            share of that. Tickets must never be oversold. On AWS; a team of 25 engineers.
            """);

        var bots = Assert.Single(doc.Design!.Capabilities, c => c.Id == "bot-defence");
        Assert.Contains("bots", bots.Because, StringComparison.Ordinal);
        Assert.Contains("only sessions scored suspicious are challenged", bots.Mechanism, StringComparison.Ordinal);
        var flows = doc.Design.Architecture.Flows;
        var first = Assert.Single(flows, f => f.From == "clients" && f.To != "idp");
        Assert.Equal("waf", first.To);
        // Nothing reaches the origin beside the firewall: its next hop is the waiting room when there is one.
        Assert.Contains(flows, f => f.From == "waf" && f.To == "waiting-room");
        Assert.Contains("random place", Assert.Single(doc.Design.Capabilities, c => c.Id == "waiting-room").Mechanism, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatedRetention_IsThePoliciesFirstRows_AndALegalHoldWinsOverThePurge()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Staff messaging
            Employees send messages in channels. Retention is 5 years for client channels and 30 days for everything else,
            and Legal must be able to put any channel on legal hold. About 1,500 employees; a team of 4 on Azure.
            """);

        var retention = Assert.Single(doc.Design!.Capabilities, c => c.Id == "retention-policies");
        Assert.Contains("5 years for client channels", retention.Mechanism, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE retention_policies", doc.Design.Database.Ddl, StringComparison.Ordinal);
        var hold = Assert.Single(doc.Design.Capabilities, c => c.Id == "legal-hold");
        Assert.Contains("POST /v1/legal-holds", hold.Operations);
        Assert.Contains("never deletes or anonymises a record while a hold", hold.Mechanism, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Design.Capabilities, c => c.Id == "inventory-holds");
    }

    [Fact]
    public async Task Partners_GetCredentialsTheApplicationIssuesRotatesAndRevokes_NotStaffSignIn()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Wholesale API
            Our retail partners pull our catalogue and stock levels and push orders to us, ~2k orders a day. Staff sign in
            with Okta. A team of 6 on AWS.
            """);

        var credentials = Assert.Single(doc.Design!.Capabilities, c => c.Id == "api-client-credentials");
        Assert.Contains("CREATE TABLE api_clients", doc.Design.Database.Ddl, StringComparison.Ordinal);
        Assert.Contains("POST /v1/api-clients/{id}/rotate", credentials.Operations);
        Assert.Contains("POST /v1/api-clients/{id}/revoke", credentials.Operations);
        Assert.Contains("api_clients", doc.Design.Api.Authentication, StringComparison.Ordinal);
        // The secret is handed out once and stored hashed: no schema of the contract carries the hash.
        Assert.DoesNotContain("secret_hash", doc.Design.Api.OpenApiYaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmallTeamRefusingKafka_ScalesWritesWithoutASplitOrAPartitionedLog()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Partner orders
            Partners push orders and we notify them by webhook when they ship, ~3k orders a day. Rails monolith with
            Sidekiq; a team of 9 developers, and nobody here wants to run Kafka.
            """);

        var actions = string.Join('\n', doc.Design!.Scaling.SelectMany(p => p.Actions));
        Assert.DoesNotContain("partitioned log", actions, StringComparison.Ordinal);
        Assert.DoesNotContain("into its own service", actions, StringComparison.Ordinal);
        Assert.Contains("keeps one deployable", actions, StringComparison.Ordinal);
    }
}
