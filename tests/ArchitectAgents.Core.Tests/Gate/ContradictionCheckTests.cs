using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Tests.Gate;

/// <summary>Each deliberate breakage of a consistent design is caught by its check, with the evidence naming it; the consistent design trips none.</summary>
public sealed class ContradictionCheckTests
{
    private static CheckResult Run(string checkId, DesignDocument doc) =>
        DesignCheckRegistry.Default.Run(doc).Single(r => r.CheckId == checkId);

    [Fact]
    public void ConsistentDesign_TripsNoCheck()
    {
        var results = DesignCheckRegistry.Default.Run(BrokenDesigns.Good());

        Assert.Equal(DesignCheckRegistry.Default.Checks.Count, results.Count);
        Assert.All(results, r => Assert.True(r.Holds, $"{r.CheckId}: {r.Evidence}"));
    }

    [Fact]
    public void ClientSettableStatus_IsCaughtWithSchemaFieldAndOperation()
    {
        var result = Run("server-owned-fields", BrokenDesigns.With(BrokenDesigns.ClientSettableStatus));

        var finding = Assert.Single(result.Findings);
        Assert.Equal("PaymentCreate.status", finding.Subject);
        Assert.Contains("POST /v1/payments", finding.Detail, StringComparison.Ordinal);
        Assert.StartsWith("1 server-owned field(s) settable in 1 request schema(s)", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOnlyServerField_InARequestSchema_IsNotSettable()
    {
        var doc = BrokenDesigns.With(d => d.Design!.Api.OpenApiYaml = d.Design.Api.OpenApiYaml.Replace("        currency: { type: string }", "        currency: { type: string }\n        status: { type: string, readOnly: true }", StringComparison.Ordinal));

        Assert.Contains("readOnly: true", doc.Design!.Api.OpenApiYaml, StringComparison.Ordinal);
        Assert.True(Run("server-owned-fields", doc).Holds);
    }

    [Fact]
    public void ARecordHoldingOnlyLinksAndANote_FailsUnlessTheDesignNamesItAsARisk()
    {
        var result = Run("record-content", BrokenDesigns.With(BrokenDesigns.ShellRecord));
        var finding = Assert.Single(result.Findings);
        Assert.Equal("visit_notes", finding.Subject);
        Assert.Contains("only payment_id, notes; not named as a risk", finding.Detail, StringComparison.Ordinal);
        Assert.False(result.Advisory);

        var declaredDoc = BrokenDesigns.With(d =>
        {
            BrokenDesigns.ShellRecord(d);
            d.Design!.Risks.Add(new Risk { Id = "r", Description = "The brief does not say what visit_notes hold", Likelihood = "high", Impact = "medium", Mitigation = "Specify them." });
        });
        var declared = Run("record-content", declaredDoc);
        Assert.False(declared.Holds);
        Assert.True(declared.Advisory);
        Assert.Equal(GateItemStatus.Warn, ContradictionItems.For(declaredDoc).Single(i => i.Id == "contradiction.record-content").Status);
    }

    [Fact]
    public void SchemaColumns_LeaveOutTableConstraints()
    {
        var schema = SqlSchema.Read("CREATE TABLE t (\n  id uuid PRIMARY KEY,\n  amount numeric(12,2) NOT NULL CHECK (amount > 0),\n  UNIQUE (id, amount),\n  CONSTRAINT c CHECK (amount < 10)\n);");
        Assert.Equal(["id", "amount"], schema.Columns["t"]);
    }

    [Fact]
    public void DeleteOnLedger_IsCaught()
    {
        var result = Run("append-only-delete", BrokenDesigns.With(BrokenDesigns.DeleteOnLedger));

        var finding = Assert.Single(result.Findings);
        Assert.Equal("DELETE /v1/ledger-entries/{id}", finding.Subject);
        Assert.Contains("ledger_entries", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoRpos_AreCaughtWithBothValuesAndWhereEachIs()
    {
        var result = Run("figures", BrokenDesigns.With(BrokenDesigns.TwoRpos));

        var finding = Assert.Single(result.Findings);
        Assert.Equal("RPO", finding.Subject);
        Assert.Contains("15 min in context.assumptions[0]", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("5 min in design.deployment.disasterRecovery", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoAvailabilities_AreCaught()
    {
        var result = Run("figures", BrokenDesigns.With(d => d.Design!.Deployment.Observability = ["SLOs: 99.95% availability."]));

        Assert.Equal("availability", Assert.Single(result.Findings).Subject);
    }

    [Fact]
    public void TwoVersionsOfOneTechnology_AreCaught()
    {
        var result = Run("technology-versions", BrokenDesigns.With(BrokenDesigns.SecondVersion));

        var finding = Assert.Single(result.Findings);
        Assert.Equal("PostgreSQL", finding.Subject);
        Assert.Contains("16 in design.database.migrationNotes[1]", finding.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("17.2", "17", false, true)]
    [InlineData("17.2", "16", false, false)]
    [InlineData("17.2", "15", true, true)]
    [InlineData("14.1", "15", true, false)]
    [InlineData("17.2", "17.1", false, false)]
    public void VersionMention_AgreesAtItsOwnPrecision(string chosen, string stated, bool minimum, bool agrees)
    {
        Assert.Equal(agrees, TechnologyVersionCheck.Agrees(chosen, stated, minimum));
    }

    [Fact]
    public void UnusedTechnology_IsCaught()
    {
        var result = Run("unused-technology", BrokenDesigns.With(BrokenDesigns.UnusedTechnology));

        Assert.Equal("Redis", Assert.Single(result.Findings).Subject);
    }

    [Fact]
    public void OperationWithoutTable_IsCaught()
    {
        var result = Run("unowned-operation", BrokenDesigns.With(BrokenDesigns.OperationWithoutTable));

        Assert.Equal("GET /v1/refund-quotes", Assert.Single(result.Findings).Subject);
    }

    [Fact]
    public void OperationOwnedByAComponentThatDoesNotExist_IsCaught()
    {
        var result = Run("unowned-operation", BrokenDesigns.With(d => d.Design!.Api.OpenApiYaml = d.Design.Api.OpenApiYaml.Replace("x-owner: app", "x-owner: probe-service", StringComparison.Ordinal)));

        Assert.Contains("probe-service", Assert.Single(result.Findings).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TableNoOperationTouches_IsCaught()
    {
        var result = Run("untouched-table", BrokenDesigns.With(BrokenDesigns.TableNoOperationTouches));

        Assert.Equal("shipping_labels", Assert.Single(result.Findings).Subject);
    }

    [Theory]
    [InlineData("RPO 15 minutes", "RPO", 15)]
    [InlineData("Recovery point objective (RPO) 5 minutes, recovery time objective (RTO) 1 hour", "RTO", 60)]
    [InlineData("the RPO is 5 minutes at most", "RPO", 5)]
    [InlineData("RPO <= 5 min and an RTO of 4 hours", "RTO", 240)]
    [InlineData("posting (RPO 0), and sending", "RPO", 0)]
    [InlineData("sending must have 99.95% availability", "availability", 99.95)]
    [InlineData("une disponibilité de 99,9 %", "availability", 99.9)]
    public void RecoveryFigures_AreReadWithTheirUnit(string text, string figure, double value)
    {
        var found = RecoveryFigures.In(new TextPassage("x", text)).Where(f => f.Figure == figure).ToList();

        Assert.Equal(value, Assert.Single(found).Value, 3);
    }

    [Theory]
    [InlineData("payments", true)]
    [InlineData("ledger_entries", true)]
    [InlineData("audit_log", true)]
    [InlineData("domain_events", true)]
    [InlineData("payment_methods", false)]
    [InlineData("events", false)]
    [InlineData("bookings", false)]
    public void AppendOnly_IsDecidedByWhatARowIs(string table, bool appendOnly)
    {
        Assert.Equal(appendOnly, AppendOnlyRecords.IsAppendOnly(table));
    }

    [Theory]
    [InlineData("status", true)]
    [InlineData("captured_at", true)]
    [InlineData("created_by", true)]
    [InlineData("total", true)]
    [InlineData("provider_payment_id", true)]
    [InlineData("scheduled_at", false)]
    [InlineData("amount", false)]
    [InlineData("quantity", false)]
    [InlineData("scan_status", true)]
    [InlineData("payment_state", true)]
    [InlineData("waitlist_position", true)]
    [InlineData("held_at", true)]
    [InlineData("held_reason", true)]
    [InlineData("position", true)]
    [InlineData("preference_rank", false)]
    public void ServerOwned_IsDecidedByTheShapeOfTheName(string field, bool owned)
    {
        Assert.Equal(owned, ServerOwnedFields.IsServerOwned(field));
    }
}
