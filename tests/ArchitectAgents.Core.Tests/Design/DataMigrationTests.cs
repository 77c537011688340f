namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A brief that moves off an old system, or sets money aside for the migration, gets a one-off data migration with a
/// trial run the users check before cut-over, recorded run by run; no change-data-capture for a system that is
/// simply switched off.
/// </summary>
public sealed class DataMigrationTests
{
    [Fact]
    public async Task AMigrationBudget_GetsATrialMigrationThatIsReconciled()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Allotment lettings
            Tenants apply for plots and pay their rent online; the secretary approves applications. The trustees gave
            us £30/month for hosting and a one-off £3,000 for the migration. About 400 tenants; one volunteer developer.
            """);

        var design = doc.Design!;
        Assert.Contains(doc.Context!.Requirements.Constraints, c => c.Kind == "budget" && c.Text.Contains("for the migration", StringComparison.Ordinal));
        Assert.Contains(design.Capabilities, c => c.Id == "data-migration");
        Assert.DoesNotContain(design.Capabilities, c => c.Id == "strangler-migration");
        Assert.Contains(design.Architecture.Components, c => c.Name == "Data migration job");
        Assert.Contains("CREATE TABLE migration_runs", design.Database.Ddl, StringComparison.Ordinal);
        Assert.Contains(design.Risks, r => r.Mitigation.Contains("trial migration", StringComparison.OrdinalIgnoreCase) || r.Description.Contains("trial migration", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ABriefWithoutAMove_GetsNoMigration()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Allotment lettings
            Tenants apply for plots and pay their rent online; the secretary approves applications. About 400 tenants;
            one volunteer developer.
            """);

        Assert.DoesNotContain(doc.Design!.Capabilities, c => c.Id == "data-migration");
    }
}
