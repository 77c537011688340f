namespace ArchitectAgents.Core.Tests.Design;

/// <summary>A table the brief says already exists (in code beside the thing it holds) is extended, never created a second time under another name.</summary>
public sealed class ExistingTableTests
{
    [Fact]
    public async Task AThingTheBriefKeepsInANamedTable_UsesThatTable_AndTheMigrationSaysSo()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Dealer portal
            Dealers read stock and place orders, about 1,000 orders a day; a team of 5 on our Django monolith.
            - Stock is owned by the Django app (`warehouse_stock`); it is updated by the nightly ERP import.
            - Each order keeps the dealer's `dealer_ref_code` as sent.
            """);

        var ddl = doc.Design!.Database.Ddl;
        Assert.Contains("CREATE TABLE warehouse_stock (", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE TABLE stocks (", ddl, StringComparison.Ordinal);
        // A column in code is no table.
        Assert.DoesNotContain("CREATE TABLE dealer_ref_code", ddl, StringComparison.Ordinal);
        Assert.Contains(doc.Design.Database.MigrationNotes, n => n.Contains("existing table warehouse_stock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AUseCaseThatRunsThroughAnExistingApi_GetsNoNewOperation_AndIsTracedAsKept()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Dealer portal
            Dealers read stock and place orders, about 1,000 orders a day; a team of 5.
            The warehouse system updates stock through an existing internal API.
            """);

        var update = Assert.Single(doc.Context!.Requirements.UseCases, u => u.Action == "update" && u.Object.Contains("stock", StringComparison.Ordinal));
        Assert.DoesNotContain($"{update.Id}:", doc.Design!.Api.OpenApiYaml, StringComparison.Ordinal);
        var row = Assert.Single(doc.Gate!.Traceability, r => r.RequirementId == update.Id);
        Assert.Equal(Core.Document.TraceStatus.Served, row.Status);
        Assert.Contains("existing interface", Assert.Single(row.ServedBy), StringComparison.Ordinal);
    }
}
