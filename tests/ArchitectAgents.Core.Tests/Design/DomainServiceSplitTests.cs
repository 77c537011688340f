namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A services split follows the team lines the brief names: one service per domain team with its own database, a
/// backend for the app team, the platform team at the edge, what no team owns in one core service; an existing
/// system a team keeps is fronted, not replaced. A kept product brings what it runs on (Sidekiq → Redis) and a kept
/// database runs on the cloud's managed service for it.
/// </summary>
public sealed class DomainServiceSplitTests
{
    [Fact]
    public async Task NamedTeams_GetOneServiceAndOneDatabaseEach_NoSharedDatabase()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Marketplace
            Engineering is about 120 people in 5 teams (catalogue, checkout, fraud & risk, notifications, platform).
            Shoppers browse products, add products to a cart and place orders. Risk analysts review alerts.
            We expect 3 million users and 2,000 orders per second at peak. We run on AWS.
            The fraud team's case tool is an existing Postgres system, and it stays.
            """);

        var components = doc.Design!.Architecture.Components;
        var services = components.Where(c => c.Kind == "service").Select(c => c.Name).ToList();
        Assert.Contains("Catalogue service", services);
        Assert.Contains("Checkout service", services);
        Assert.Contains("Fraud & risk service", services);
        Assert.DoesNotContain(services, s => s.Contains("Platform", StringComparison.Ordinal));
        Assert.Contains(components, c => c.Kind == "gateway" && c.Responsibility.Contains("platform team", StringComparison.Ordinal));

        // Each service with data reaches only its own database.
        var flows = doc.Design.Architecture.Flows;
        foreach (var db in components.Where(c => c.Kind == "database"))
        {
            Assert.Single(flows, f => f.To == db.Id && f.Label == "SQL");
        }

        Assert.Contains(components, c => c.Name == "Checkout service" && c.Responsibility.Contains("orders", StringComparison.Ordinal));
        Assert.Contains(components, c => c.Name == "Catalogue service" && c.Responsibility.Contains("products", StringComparison.Ordinal));
        Assert.Contains(components, c => c.Name == "Fraud & risk service" && c.Responsibility.Contains("existing", StringComparison.Ordinal));
        Assert.Contains(components, c => c.Kind == "database" && c.Name.Contains("(Postgres, kept)", StringComparison.Ordinal));

        // The schema says which service owns each table and keeps no foreign key across services.
        var ddl = doc.Design.Database.Ddl.Replace("\r", "", StringComparison.Ordinal);
        Assert.Contains("-- Each service owns its tables in its own database", ddl, StringComparison.Ordinal);
        Assert.Matches(@"--   Checkout service: [^\n]*\borders\b", ddl);
        var owner = System.Text.RegularExpressions.Regex.Matches(ddl, @"^--   (?<who>[^:]+): (?<tables>.+)$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .SelectMany(m => m.Groups["tables"].Value.Split(", ").Select(t => (Table: t, Who: m.Groups["who"].Value)))
            .ToDictionary(x => x.Table, x => x.Who);
        Assert.True(owner.Count >= 4, ddl);
        foreach (System.Text.RegularExpressions.Match table in System.Text.RegularExpressions.Regex.Matches(ddl, @"CREATE TABLE (?<name>\w+) \((?<body>.*?)\n\);", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            var name = table.Groups["name"].Value;
            foreach (System.Text.RegularExpressions.Match reference in System.Text.RegularExpressions.Regex.Matches(table.Groups["body"].Value, @"REFERENCES (?<target>\w+)\("))
            {
                var target = reference.Groups["target"].Value;
                if (owner.TryGetValue(name, out var a) && owner.TryGetValue(target, out var b))
                {
                    Assert.True(a == b, $"{name} ({a}) has a foreign key to {target} ({b})");
                }
            }
        }

        // The cost pays for each new service database once, on the managed service, and not for the kept one.
        var databases = components.Count(c => c.Kind == "database" && c.TechnologyId is not null);
        Assert.True(databases >= 3, string.Join(", ", components.Select(c => c.Id)));
        var managed = Assert.Single(doc.Design.Cost.Lines, l => l.Item.Contains("one per service database", StringComparison.Ordinal));
        Assert.Contains($"× {databases}", managed.Item, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Design.Cost.Lines, l => l.TechnologyId == "postgresql");
    }

    [Fact]
    public async Task TeamsThatAreOnlyAppsAndPlatform_KeepTheUsualSplit()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Streaming app
            Engineering is about 60 people in 4 teams (web, iOS, Android, platform).
            Viewers watch videos and rate them. We expect 5 million users and 3,000 requests per second at peak on AWS.
            """);

        var services = doc.Design!.Architecture.Components.Where(c => c.Kind == "service").Select(c => c.Name).ToList();
        Assert.NotEmpty(services);
        Assert.DoesNotContain(services, s => s is "Web service" or "IOS service" or "Android service" or "Platform service");
    }

    [Fact]
    public async Task KeptSidekiqAndMySqlOnRds_BringRedisAndTheManagedMySql()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Partner API
            Partners pull our catalogue and push orders to us. About 3k orders/day.
            ## Existing decisions (keep these)
            - Ruby on Rails 7 monolith; MySQL 8 on AWS RDS (eu-west-2); Sidekiq for background jobs.
            - Team of 9 Rails developers.
            """);

        var tech = doc.Design!.Technologies.Select(t => t.Name).ToList();
        Assert.Contains("Sidekiq", tech);
        Assert.Contains(tech, t => t.StartsWith("Redis", StringComparison.Ordinal) || t.Contains("ElastiCache", StringComparison.Ordinal));
        Assert.Contains("Amazon RDS for MySQL", tech);
        Assert.DoesNotContain(doc.Context!.Requirements.ExistingDecisions, d => d.Text.StartsWith('#'));
    }
}
