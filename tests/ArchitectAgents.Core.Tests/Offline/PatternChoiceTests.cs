using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Tests.Offline;

/// <summary>The offline designer reasons from the brief as the persona's pattern table does.</summary>
public sealed class PatternChoiceTests
{
    [Fact]
    public async Task SmallTeamInternalCrud_GetsAModularMonolithWithoutExtraInfrastructure()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Expense approvals
            An internal tool for our finance staff: employees submit expense reports with receipts, managers approve them.
            About 400 employees use it. Team of 2 developers who know Java. Hosted on our existing on-prem servers.
            """);

        Assert.Equal("Modular monolith", doc.Design!.Architecture.Pattern);
        Assert.DoesNotContain(doc.Design.Architecture.Components, c => c.Kind is "queue" or "cache");
        Assert.DoesNotContain(doc.Design.Technologies, t => t.Id is "kafka" or "kubernetes");
        Assert.Contains(doc.Design.Technologies, t => t.Id == "spring-boot");
        // The table is named in the brief's own nouns: "employees submit expense reports".
        Assert.Contains("CREATE TABLE expense_reports", doc.Design.Database.Ddl, StringComparison.Ordinal);
        GateAssert.Passed(doc.Gate);
    }

    [Fact]
    public async Task DeviceFleetOnPoorNetworks_GetsEdgeBufferingAndEventDrivenIngestion()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Soil sensors
            12,000 soil moisture sensors on farms with patchy cellular coverage send a reading every 60 seconds.
            Farmers get an alert when moisture drops below a threshold. Team of 6 engineers (Go).
            """);

        var arch = doc.Design!.Architecture;
        Assert.Equal("Edge computing with event-driven ingestion", arch.Pattern);
        Assert.Contains(arch.Components, c => c.Kind == "edge" && c.Responsibility.Contains("offline", StringComparison.Ordinal));
        Assert.Contains(arch.Components, c => c.Id == "broker");
        Assert.Contains(arch.Flows, f => f.From == "edge" && f.To == "broker" && f.Async);
        Assert.Equal(12_000, doc.Context!.Figures.Devices!.Value);
        Assert.Equal(12_000 * 1_440, doc.Context.Figures.TransactionsPerDay!.Value);
    }

    [Fact]
    public async Task RareSpikyBatchWork_GetsServerless()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Quarterly statements
            Once a quarter we generate PDF statements for 3,000 clients; the rest of the time the system is idle.
            The run must finish within a day. Keep cost as low as possible. Two Python developers.
            """);

        Assert.Equal("Serverless (event-driven functions)", doc.Design!.Architecture.Pattern);
        Assert.Contains(doc.Design.Architecture.Components, c => c.Id == "scheduler");
        Assert.Contains(doc.Design.Technologies, t => t.Category == "serverless");
        Assert.Equal(2, doc.Context!.TeamSize!.Value);
    }

    [Fact]
    public async Task ConsumerScaleInTensOfMillions_GetsAJustifiedSplitWithCachingAndPartitioning()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Recipe sharing app
            40 million monthly active users browse a read-heavy feed of recipes with photos; 80k requests per second at peak.
            p99 latency under 200 ms. 45 engineers in 6 squads.
            """);

        var d = doc.Design!;
        Assert.StartsWith("Microservices", d.Architecture.Pattern, StringComparison.Ordinal);
        Assert.Contains("40M users", d.Architecture.Reason, StringComparison.Ordinal);
        Assert.Contains(d.Architecture.Components, c => c.Kind == "cache");
        Assert.Contains(d.Database.MigrationNotes, n => n.Contains("partitioned", StringComparison.Ordinal));
        Assert.Contains(doc.Gate!.Items, i => i.Id == "anti-pattern.premature-microservices" && i.Status == GateItemStatus.Pass);
        Assert.Equal(200, doc.Context!.Figures.LatencyMs!.Value);
        Assert.Equal(80_000, doc.Context.Figures.PeakRequestsPerSecond!.Value);
    }

    [Theory]
    [InlineData("HIPAA", "HIPAA-AUDIT", "CREATE TABLE audit_log")]
    [InlineData("GDPR", "GDPR-ERASURE", "/erasure")]
    [InlineData("PCI DSS", "PCI-SEGMENTATION", "cardholder data environment")]
    [InlineData("SOC 2", "SOC2-RBAC", "CREATE TABLE role_assignments")]
    public async Task RegulatedBrief_GetsTheRegimesControls(string regime, string control, string evidence)
    {
        var doc = await new DesignHarness().DesignAsync($"""
            # Member portal
            Members manage their profile and documents. 50k users, team of 5, 99.9% uptime. We are subject to {regime}.
            Data must stay in the EU.
            """);

        Assert.Contains(regime, doc.Context!.Compliance);
        Assert.Contains(regime, doc.Review!.Scope);
        var finding = Assert.Single(doc.Review.Findings, f => f.Id == control);
        Assert.Equal(FindingStatus.Resolved, finding.Status);
        Assert.Contains(evidence, Text(doc.Design!), StringComparison.OrdinalIgnoreCase);
        GateAssert.Passed(doc.Gate);
    }

    [Theory]
    [InlineData("Members share files up to 250 MB and keep about 3 TB of drawings.", 3_000)]
    [InlineData("People upload 5-10 MB photos; the archive holds 40 GB of recipes.", 40)]
    [InlineData("Each episode is usually a 200-600 MB WAV. We store 12 TB of recordings.", 12_000)]
    public async Task ASizeLimitOrOneItemsSize_IsNotTheDataVolume(string sentence, double gigabytes)
    {
        var doc = await new DesignHarness().DesignAsync($"# Archive\nUsers browse and download what others shared. {sentence} About 2,000 users, a team of 3.");

        Assert.Equal(gigabytes, doc.Context!.Figures.DataVolumeGb!.Value);
    }

    [Fact]
    public async Task StatedConcurrentUsers_SizeTheConnectionTier()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Site chat
            About 5,000 employees chat in channels with presence and live typing indicators; we expect 3,500 online at the
            busiest hour. Everything in Azure. A team of 8 engineers (C#).
            """);

        var line = Assert.Single(doc.Design!.Cost.Lines, l => l.Item.Contains("Web PubSub", StringComparison.Ordinal));
        Assert.Contains("3,500 connected at once", line.Item, StringComparison.Ordinal);
        Assert.Equal(200, line.PerMonth);
    }

    [Fact]
    public async Task Figures_AreExtractedNotGuessed()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Ticketing
            We expect 2M registered users and about 1,500 requests/s at peak, p95 latency below 300 ms, 99.95% availability.
            The database will hold roughly 2 TB within a year. Our team of seven engineers knows TypeScript.
            """);

        var f = doc.Context!.Figures;
        Assert.Equal(2_000_000, f.Users!.Value);
        Assert.Equal(1_500, f.PeakRequestsPerSecond!.Value);
        Assert.Equal(300, f.LatencyMs!.Value);
        Assert.Equal(99.95, f.AvailabilityPercent!.Value);
        Assert.Equal(2_000, f.DataVolumeGb!.Value);
        Assert.Equal(7, doc.Context.TeamSize!.Value);
        Assert.All(new[] { f.Users, f.PeakRequestsPerSecond, f.LatencyMs, f.AvailabilityPercent, f.DataVolumeGb }, x => Assert.False(x!.Assumed));
        Assert.Contains("2M registered users", f.Users.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Context.Assumptions, a => a.Topic is "scale" or "team" or "availability");
    }

    [Fact]
    public async Task RealtimeChat_GetsAConnectionTierAndPubSubFanOut()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Community chat
            500k monthly active users; messages delivered in real time over websockets. Team of 9 engineers using TypeScript.
            """);

        var arch = doc.Design!.Architecture;
        Assert.Contains(arch.Components, c => c.Id == "realtime" && c.Kind == "gateway");
        Assert.Contains(arch.Flows, f => f.From == "pubsub" && f.To == "realtime" && f.Async);
        Assert.Contains(doc.Design.Technologies, t => t.Id == "nestjs");
    }

    [Fact]
    public async Task FlashSaleSpike_GetsAWaitingRoomAndAnOversellRisk()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Concert tickets
            Traffic is low most of the year, but when a big show goes on sale we get 50k requests per second for ten minutes.
            Seats must never be double-sold. Team of 6 Go developers on AWS.
            """);

        var d = doc.Design!;
        Assert.Contains(d.Architecture.Components, c => c.Id == "waiting-room");
        Assert.DoesNotContain(d.Architecture.Flows, f => f.From == "clients" && f.To == "lb");
        Assert.Contains(d.Risks, r => r.Description.Contains("oversells", StringComparison.Ordinal) && r.Mitigation.Contains("SKIP LOCKED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckoutMentionedInPassing_IsNotAPaymentsSystem()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Fraud scoring API
            An internal API that serves fraud predictions to the checkout service: 300 requests per second, p99 under 50 ms, team of 4 Python engineers.
            """);

        Assert.DoesNotContain(doc.Context!.Traits, t => t.Name == "payments");
        Assert.DoesNotContain(doc.Design!.Architecture.Components, c => c.Id == "payments");
        Assert.Equal(50, doc.Context.Figures.LatencyMs!.Value);
    }

    private static string Text(DesignSection d) =>
        string.Join("\n", d.Database.Ddl, d.Api.OpenApiYaml, string.Join("\n", d.Deployment.SecurityControls));
}
