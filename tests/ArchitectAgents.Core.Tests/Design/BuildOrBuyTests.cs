namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// In a domain products already serve, the design weighs building against adopting one and names them; it recommends
/// adopting first only when the brief's limits call for it (no on-call, a tiny budget), and otherwise says why it builds.
/// </summary>
public sealed class BuildOrBuyTests
{
    [Fact]
    public async Task OnePersonLibraryWithNoOnCall_IsToldToAdoptAHostedLibrarySystemFirst()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Library catalogue
            Borrowers search the catalogue, reserve books and renew loans online; counter staff check items in and out.
            About 2,000 searches a day. I am the only IT person and I can't be on call at weekends. Hosting budget £40/month.
            """);

        var design = doc.Design!;
        var first = design.Tradeoffs[0];
        Assert.StartsWith("Adopt an integrated library system", first.Decision, StringComparison.Ordinal);
        Assert.Contains("Koha", first.Decision, StringComparison.Ordinal);
        Assert.Equal("Adopt a vendor-hosted integrated library system (Koha)", design.Architecture.Pattern);
        Assert.True(design.AdoptsProduct);
    }

    [Fact]
    public async Task AnAdoptedProduct_IsTheWholeDesign_NoCustomBuildLeftInIt()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Library catalogue
            Borrowers search the catalogue, reserve books and renew loans online; counter staff check items in and out.
            About 2,000 searches a day across 6 branch libraries. I am the only IT person and I can't be on call at weekends.
            Hosting budget £40/month and £5,000 once for the migration from the old system. Borrower data is under UK GDPR.
            """);

        var design = doc.Design!;
        // Nothing the team would build and run: no service, database, queue or cache, and one technology, the product.
        Assert.DoesNotContain(design.Architecture.Components, c => c.Kind is "service" or "database" or "queue" or "cache" or "worker");
        Assert.Contains(design.Architecture.Components, c => c.Id == "product" && c.Name.StartsWith("Koha", StringComparison.Ordinal));
        Assert.Contains(design.Architecture.Components, c => c.Kind == "job");
        Assert.Equal("Koha", Assert.Single(design.Technologies).Name);
        Assert.DoesNotContain("/v1/", design.Api.OpenApiYaml, StringComparison.Ordinal);
        Assert.DoesNotContain(design.Architecture.Alternatives, a => a.Pattern.StartsWith("Microservices", StringComparison.Ordinal));
        Assert.DoesNotContain("second region", string.Join(' ', design.Deployment.SecurityControls.Append(design.Deployment.DisasterRecovery)), StringComparison.Ordinal);
        // Only the migration's staging tables.
        Assert.Matches(@"CREATE TABLE migration_runs", design.Database.Ddl);
        Assert.DoesNotMatch(@"CREATE TABLE (loans|books|items|reservations)\b", design.Database.Ddl);
        // People act through the product: every use case traces to it, none is left unserved.
        var useCases = doc.Gate!.Traceability.Where(r => r.Kind == "use-case").ToList();
        Assert.NotEmpty(useCases);
        Assert.All(useCases, r => Assert.Contains(r.ServedBy, s => s.Contains("adopted product", StringComparison.Ordinal)));
        // The money: the priced fallback within the budget, the vendor's quote compared with the same budget.
        Assert.False(design.Cost.OverBudget);
        Assert.Contains(design.Cost.Assumptions, a => a.Contains("quote", StringComparison.Ordinal) && a.Contains("GBP 40/month", StringComparison.Ordinal));
        Assert.Contains(design.Cost.Assumptions, a => a.Contains("GBP 5,000", StringComparison.Ordinal));
        // The law's place: the vendor hosts in the UK or the EU, under a data processing agreement.
        Assert.Contains(design.Deployment.SecurityControls, c => c.Contains("data processing agreement", StringComparison.Ordinal) && c.Contains("the UK", StringComparison.Ordinal));
        Assert.Equal("pass", doc.Gate.Verdict.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task AUseCaseTheProductDoesNotName_IsAGapToCheck_NotSilentlyCovered()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Library catalogue
            Borrowers search the catalogue and renew loans online; counter staff check items in and out; volunteers
            book the minibus for home deliveries. I am the only IT person and I can't be on call at weekends.
            """);

        var design = doc.Design!;
        Assert.True(design.AdoptsProduct);
        Assert.Contains(design.Risks, r => r.Description.Contains("does not cover", StringComparison.Ordinal) && r.Description.Contains("minibus", StringComparison.Ordinal));
        Assert.Contains(doc.Gate!.Traceability, r => r.Kind == "use-case" && r.Requirement.Contains("minibus", StringComparison.Ordinal) && r.Status != Core.Document.TraceStatus.Served);
    }

    [Fact]
    public async Task ChatWithARuledOutProduct_WeighsTheOthers_AndSaysWhyItBuilds()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Internal chat
            Employees chat in channels and send messages to each other; admins archive channels. Slack is not an option
            for us. About 2,000 employees; a team of 6 developers on Azure.
            """);

        var weighed = Assert.Single(doc.Design!.Tradeoffs, t => t.Decision.StartsWith("Build, having weighed a team chat", StringComparison.Ordinal));
        Assert.Contains("Mattermost", weighed.Decision, StringComparison.Ordinal);
        Assert.DoesNotContain("Slack", weighed.Decision, StringComparison.Ordinal);
        Assert.Contains(doc.Design.Architecture.Alternatives, a => a.Pattern.StartsWith("Adopt a team chat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATinyBudgetOnAStackTheBriefAlreadyRuns_WeighsTheProducts_ButKeepsBuilding()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Library catalogue
            Borrowers search the catalogue, reserve books and renew loans online; counter staff check items in and out.
            Our catalogue already runs on Django with PostgreSQL. I can't be on call at weekends. Hosting budget £40/month.
            """);

        var design = doc.Design!;
        Assert.False(design.AdoptsProduct);
        Assert.Contains(design.Tradeoffs, t => t.Decision.StartsWith("Build, having weighed an integrated library system", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABriefOutsideEveryProductFamily_GetsNoBuildOrBuyRow()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Sensor telemetry
            Turbines send vibration readings every second; engineers view trends and get alerts when a reading drifts.
            About 400 turbines; a team of 5 developers on AWS.
            """);

        Assert.DoesNotContain(doc.Design!.Tradeoffs, t => t.Decision.Contains("having weighed", StringComparison.Ordinal) || t.Decision.StartsWith("Adopt", StringComparison.Ordinal));
    }
}
