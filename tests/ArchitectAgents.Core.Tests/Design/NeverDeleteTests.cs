namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A brief that forbids physical deletes and states how long audit records are kept: no foreign key cascades a delete,
/// erasure and retention pseudonymise and archive, and the audit log is kept for the stated period, not a default.
/// </summary>
public sealed class NeverDeleteTests
{
    [Fact]
    public async Task NoPhysicalDeletes_NoCascade_ErasurePseudonymises_AuditKeptForTheStatedYears()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Lab results portal
            Clinicians record lab results for patients; patients read their own results. Data is PHI (HIPAA) and some
            patients are in the EU (GDPR). Records are never physically deleted. Audit records are kept for at least
            12 years. About 3,000 patients, a team of 4 developers.
            """);

        var ddl = doc.Design!.Database.Ddl;
        Assert.DoesNotContain("ON DELETE CASCADE", ddl, StringComparison.Ordinal);
        // Retention ends in anonymising or archiving, never in a delete.
        var retention = ddl.Split("CREATE TABLE retention_policies (")[1].Split(");")[0];
        Assert.DoesNotContain("'delete'", retention, StringComparison.Ordinal);
        Assert.Contains("never delete", Assert.Single(doc.Design!.Capabilities, c => c.Id == "retention-policies").Mechanism, StringComparison.Ordinal);
        Assert.Contains("old_value jsonb", ddl, StringComparison.Ordinal);
        var security = string.Join('\n', doc.Design.Deployment.SecurityControls);
        Assert.Contains("retained for 12 years", security, StringComparison.Ordinal);
        Assert.DoesNotContain("deletes or anonymises", security, StringComparison.Ordinal);
        Assert.DoesNotContain("Erasure jobs clear", security, StringComparison.Ordinal);
        Assert.Contains(doc.Design.Database.MigrationNotes, n => n.Contains("never physically deleted", StringComparison.Ordinal));
        // The legal duty to keep the records wins over erasure: kept unaltered and restricted, the rest erased.
        Assert.Contains("Art. 17(3)(b)", security, StringComparison.Ordinal);
        Assert.Contains("stay unaltered until that period ends", security, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoDeletes_WithoutARetentionDuty_ErasurePseudonymises()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Volunteer rota
            Coordinators schedule volunteers for shifts and volunteers swap shifts. Records are never physically
            deleted. Volunteers are in the EU (GDPR). About 800 volunteers, a team of 2 developers.
            """);

        var security = string.Join('\n', doc.Design!.Deployment.SecurityControls);
        Assert.Contains("Erasure requests pseudonymise", security, StringComparison.Ordinal);
        Assert.DoesNotContain("Art. 17(3)(b)", security, StringComparison.Ordinal);
    }
}
