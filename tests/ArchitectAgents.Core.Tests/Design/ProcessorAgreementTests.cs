namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// Under GDPR every processor that handles personal data on the controller's behalf needs a data processing
/// agreement (Art. 28): the design names this design's processors (its cloud, its managed database, its providers),
/// and on premises says there is none yet.
/// </summary>
public sealed class ProcessorAgreementTests
{
    [Fact]
    public async Task AGdprDesignOnACloud_NamesItsProcessors()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Dental clinic reminders
            Patients book appointments online and get an SMS reminder the day before. We run on AWS (eu-west-1), and
            patient data is personal data under GDPR. About 4,000 patients, a team of 2 developers.
            """);

        var controls = doc.Design!.Deployment.SecurityControls;
        var dpa = Assert.Single(controls, c => c.Contains("data processing agreement (GDPR Art. 28)", StringComparison.Ordinal));
        Assert.Contains("AWS", dpa, StringComparison.Ordinal);
        Assert.Contains("SMS provider", dpa, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnPremises_NoProcessorIsInvented()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Depot rota
            Shift managers plan the mechanics' rota and mechanics view their shifts. Everything runs on our own servers
            on premises (VMware); mechanics' data is personal data under GDPR. A team of 2 developers.
            """);

        var dpa = Assert.Single(doc.Design!.Deployment.SecurityControls, c => c.Contains("GDPR Art. 28", StringComparison.Ordinal));
        Assert.StartsWith("No processor handles personal data", dpa, StringComparison.Ordinal);
    }
}
