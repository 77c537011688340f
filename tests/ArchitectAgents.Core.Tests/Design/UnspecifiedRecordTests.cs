using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A record the brief's use cases write but never describe is not filled with invented fields: the design names it
/// as a risk for the brief's people to specify, and the gate warns instead of passing it silently.
/// </summary>
public sealed class UnspecifiedRecordTests
{
    [Fact]
    public async Task AnUndescribedRecord_IsNamedAsARisk_AndTheGateWarns()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Field observations
            Rangers enter observations into field logs on their phones and wardens review the field logs weekly.
            About 120 rangers; a team of 3 writes Python.
            """);

        var risk = Assert.Single(doc.Design!.Risks, r => r.Id == "risk-unspecified-records");
        Assert.Contains("rangers", risk.Mitigation, StringComparison.Ordinal);
        var item = doc.Gate!.Items.Single(i => i.Id == "contradiction.record-content");
        Assert.Equal(GateItemStatus.Warn, item.Status);
        Assert.Contains("named as a risk", item.Evidence, StringComparison.Ordinal);
    }
}
