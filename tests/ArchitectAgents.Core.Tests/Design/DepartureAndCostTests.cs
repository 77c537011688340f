using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Offline;

namespace ArchitectAgents.Core.Tests.Design;

/// <summary>Existing decisions are kept or recorded as departures; the cost estimate adds up against the budget.</summary>
public sealed class DepartureAndCostTests
{
    private static ComponentPlan Plan(DesignFacts f) => ComponentPlanner.Plan(f, PatternSelector.Select(f), KnowledgeBase.Default);

    [Fact]
    public void ExistingQueueAndDatabase_AreKept_WithoutDeparture()
    {
        var f = BriefFacts.Of(6, "AWS", skills: ["Java"], existing: ["RabbitMQ", "MySQL 8", "Java 21"], shapes: ["event-driven"]);
        var plan = Plan(f);

        Assert.Contains(plan.Technologies, t => t.Tech.Id == "rabbitmq");
        Assert.DoesNotContain(plan.Technologies, t => t.Tech.Id == "aws-sqs");
        Assert.Contains(plan.Technologies, t => t.Tech.Id == "mysql");
        Assert.Empty(DepartureFinder.Find(f, plan));
    }

    [Fact]
    public void ReplacedExistingTechnology_GetsADepartureWithItsReason()
    {
        var f = BriefFacts.Of(4, "Azure", skills: [".NET / C#"], existing: ["PHP"]);
        var departures = DepartureFinder.Find(f, Plan(f));

        var departure = Assert.Single(departures);
        Assert.Contains("instead of PHP", departure, StringComparison.Ordinal);
    }

    [Fact]
    public void ExistingApiVersionPrefix_NotInTheContract_IsADeparture()
    {
        var f = BriefFacts.Of(4, "AWS", existing: ["Rails"]);
        f.Context.Requirements.ExistingDecisions[0].Text = "Partners already call /api/v2 today.";

        Assert.Contains(DepartureFinder.Find(f, Plan(f), "paths:\n  /v1/orders:\n"), d => d.Contains("/api/v2", StringComparison.Ordinal));
        Assert.DoesNotContain(DepartureFinder.Find(f, Plan(f), "paths:\n  /api/v2/orders:\n"), d => d.Contains("/api/v2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Oracle 19c", "Oracle", "19c")]
    [InlineData("Java 21", "Java", "21")]
    [InlineData("Ruby on Rails 7", "Ruby on Rails", "7")]
    [InlineData("MySQL 8.0", "MySQL", "8.0")]
    public void StatedVersions_AreReadFromTheBriefsSpelling(string spelled, string name, string version) =>
        Assert.Equal(version, ExistingStack.StatedVersion(spelled, name));

    [Fact]
    public void TinyBudget_CostTotalIsTheSumOfLines_AndIsComparedWithTheBudget()
    {
        var f = BriefFacts.Of(1, budget: (40, "GBP/month"));
        var cost = CostEstimator.Estimate(f, Plan(f));

        Assert.NotEmpty(cost.Lines);
        Assert.Equal(cost.Lines.Sum(l => l.PerMonth), cost.TotalPerMonth);
        Assert.Equal(Math.Round(40 * PriceTable.Default.UsdPerUnit["GBP"]), cost.BudgetPerMonth);
        Assert.Equal(cost.TotalPerMonth > cost.BudgetPerMonth, cost.OverBudget);
        Assert.Contains(PriceTable.Default.CheckedAt, cost.PriceSource, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLaunchTheRoadmapDescribes_IsWhatIsPriced_TwoInstancesAndAStandby()
    {
        var f = BriefFacts.Of(1, budget: (40, "GBP/month"));
        var plan = Plan(f);
        var cost = CostEstimator.Estimate(f, plan);

        Assert.True(f.HighAvailability);
        var host = Assert.Single(cost.Lines, l => l.TechnologyId == "managed-paas");
        Assert.Contains("× 2 (two instances at launch)", host.Item, StringComparison.Ordinal);
        Assert.Equal(2 * PriceTable.Default.For("managed-paas")!.UsdPerMonth, host.PerMonth);
        var db = Assert.Single(cost.Lines, l => l.TechnologyId == "postgresql");
        Assert.Contains("primary and standby", db.Item, StringComparison.Ordinal);
    }

    [Fact]
    public void YearlyBudget_IsSpreadOverTwelveMonths_AndABigDesignIsOverASmallBudget()
    {
        var f = BriefFacts.Of(300, "Google Cloud", squads: 9, budget: (12_000, "USD/year"), users: 4_000_000);
        var cost = CostEstimator.Estimate(f, Plan(f));

        Assert.Equal(1_000, cost.BudgetPerMonth);
        Assert.True(cost.OverBudget);
    }

    [Fact]
    public void SelfRunServers_CostMoreThanTheirVm()
    {
        var keycloak = PriceTable.Default.For("keycloak")!;
        var f = BriefFacts.Of(8, "on-premises");
        var cost = CostEstimator.Estimate(f, Plan(f));

        Assert.True(keycloak.SelfRun);
        Assert.Contains(cost.Lines, l => l.TechnologyId == "keycloak" && l.PerMonth > keycloak.UsdPerMonth);
    }

    [Fact]
    public async Task AKnownSpike_IsCostedWithCapacityOn_NotScaleToZero()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Ticket drop
            Fans buy tickets when sales open at 10:00 on Fridays; about 6,000 fans hit it in the first 10 minutes.
            We're on Azure; a team of 3 writes C#.
            """);

        var lines = doc.Design!.Cost.Lines.Select(l => l.Item).ToList();
        Assert.DoesNotContain(lines, l => l.Contains("scale to zero", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("before the 10:00 spike", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnAnotherEngine_TheSchemaSaysSoAndHowItPorts()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Timesheets
            Staff log hours against projects and managers approve timesheets. We're an Azure shop and our data lives in
            Azure SQL. About 600 staff; a team of 3 writes C#.
            """);

        Assert.Equal("Azure SQL Database", doc.Design!.Database.Engine);
        Assert.StartsWith("-- The design runs on Azure SQL Database", doc.Design.Database.Ddl, StringComparison.Ordinal);
        Assert.Contains("DATETIMEOFFSET", doc.Design.Database.Ddl.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains(doc.Validation!.Results, r => r.Validator.StartsWith("postgresql", StringComparison.Ordinal) && r.Outcome == Core.Document.ValidationOutcome.Passed);
    }

    [Fact]
    public async Task OverBudget_NeverOffersSomethingOnlyAnExistingLicenceMakesFree()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Allotment society
            Members book the shared rotavator and the committee approves new members. Around 60 members. One volunteer
            developer who knows PHP. Budget: £5 a month at most.
            """);

        var overrun = Assert.Single(doc.Design!.Risks, r => r.Description.Contains("exceeds the stated budget", StringComparison.Ordinal));
        Assert.DoesNotContain("Oracle", overrun.Mitigation, StringComparison.Ordinal);
        Assert.DoesNotContain("(existing)", overrun.Mitigation, StringComparison.Ordinal);
        Assert.DoesNotContain("already paid", overrun.Mitigation, StringComparison.Ordinal);
    }
}

