namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// Devices that work offline replay a batch of queued operations: the contract takes an array of typed operations and
/// answers one outcome per element, a conflict has a resolution call, and the queue the replay hands work to is a
/// table in schema.sql that the replay writes, not a promise in prose.
/// </summary>
public sealed class OfflineSyncContractTests
{
    [Fact]
    public async Task ReplayTakesATypedBatch_AnswersPerElement_AndConflictsCanBeResolved()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Yard inspections
            Inspectors record checks on tablets in the yard, often without signal: the app must work offline and sync
            when back in range. Supervisors see open defects. Defects go to our existing SAP PM. About 60 inspectors,
            a team of 3 developers.
            """);

        var yaml = doc.Design!.Api.OpenApiYaml.Replace("\r", "", StringComparison.Ordinal);
        var request = Schema(yaml, "PostSyncOperationsRequest");
        Assert.Contains("type: array", request, StringComparison.Ordinal);
        Assert.Contains("$ref: '#/components/schemas/SyncOperationInput'", request, StringComparison.Ordinal);
        Assert.Contains("maxItems:", request, StringComparison.Ordinal);
        var input = Schema(yaml, "SyncOperationInput");
        Assert.Contains("operation_id:", input, StringComparison.Ordinal);
        Assert.DoesNotContain("device_id:", input, StringComparison.Ordinal);
        Assert.DoesNotContain("status:", input, StringComparison.Ordinal);
        var replay = yaml.Split("  /v1/sync/operations:\n")[1].Split("\n  /v1/", 2)[0];
        Assert.Contains("'#/components/schemas/SyncOperationResults'", replay, StringComparison.Ordinal);
        Assert.Contains("      - jobs\n", replay, StringComparison.Ordinal);
        Assert.Contains("  /v1/sync-operations/{id}/resolve:\n", yaml, StringComparison.Ordinal);

        var ddl = doc.Design.Database.Ddl;
        Assert.Contains("CREATE TABLE jobs (", ddl, StringComparison.Ordinal);
        Assert.Contains("'conflict','resolved'", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("/v1/jobs", yaml, StringComparison.Ordinal);
        // No offline window stated: the token lifetime covers an assumed working day, said so.
        var sync = Assert.Single(doc.Design.Capabilities, c => c.Id == "offline-first-sync");
        Assert.Contains("offline window (one working day (assumed: the brief states none))", sync.Mechanism, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatedOfflineShift_SetsTheTokenWindow()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Meter readings
            Engineers record meter readings on tablets in basements with no signal; the app must work offline for a
            whole 10-hour shift and sync later. About 90 engineers, a team of 2 developers.
            """);

        var sync = Assert.Single(doc.Design!.Capabilities, c => c.Id == "offline-first-sync");
        Assert.Contains("offline window (10 hours (stated))", sync.Mechanism, StringComparison.Ordinal);
        Assert.Contains("refresh token bound to its registered device key", sync.Mechanism, StringComparison.Ordinal);
    }

    /// <summary>One component schema's text: up to the next schema at the same indentation.</summary>
    private static string Schema(string yaml, string name) =>
        System.Text.RegularExpressions.Regex.Split(yaml.Split($"\n    {name}:\n")[1], @"\n    [A-Za-z]")[0];
}
