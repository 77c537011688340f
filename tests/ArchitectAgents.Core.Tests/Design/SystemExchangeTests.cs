namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// An existing system of record named with its interface is read and written back by the integration adapter: the
/// design names each exchange with its use case and does not ask that system to call a new endpoint of ours.
/// </summary>
public sealed class SystemExchangeTests
{
    [Fact]
    public async Task RecordsReceivedOverOData_AreReadByTheAdapter_NotPostedToUs()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Delivery app
            Drivers confirm deliveries on their phones. Existing landscape: SAP is the system of record for orders; it
            sends delivery runs over OData. We receive delivery runs from it (OData) and must confirm deliveries back to it.
            About 70 drivers; a team of 3 writes Kotlin, on premises.
            """);

        var design = doc.Design!;
        var adapter = Assert.Single(design.Architecture.Components, c => c.Id == "integration");
        Assert.Contains("reads delivery runs from SAP over OData", adapter.Responsibility, StringComparison.Ordinal);
        Assert.Contains("back to SAP", adapter.Responsibility, StringComparison.Ordinal);
        var yaml = design.Api.OpenApiYaml.Replace("\r", "", StringComparison.Ordinal);
        var runs = yaml.Split("  /v1/delivery-runs:\n");
        Assert.True(runs.Length < 2 || !runs[1].Split("\n  /v1/", 2)[0].Contains("    post:", StringComparison.Ordinal), "no POST for SAP to call");
        Assert.All(doc.Gate!.Traceability.Where(r => r.Kind == "use-case"), r => Assert.NotEqual(Core.Document.TraceStatus.Unserved, r.Status));
    }
}
