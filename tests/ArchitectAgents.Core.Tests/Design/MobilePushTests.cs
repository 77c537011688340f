namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// "Mobile push" is a mechanism, not a word: each app install registers its token, the worker sends through the
/// platform's push gateway, and an e-mail-only brief gets none of it.
/// </summary>
public sealed class MobilePushTests
{
    [Fact]
    public async Task MobilePush_RegistersDevices_AndSendsThroughTheGateway()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Shift swaps
            Nurses offer shifts and colleagues claim them; ward managers approve swaps. Nurses receive a mobile push notification when
            someone claims their shift. About 900 nurses on Azure; a team of 4 writes C#.
            """);

        var design = doc.Design!;
        Assert.Contains("CREATE TABLE device_registrations (", design.Database.Ddl, StringComparison.Ordinal);
        Assert.Contains("UNIQUE (push_token)", design.Database.Ddl, StringComparison.Ordinal);
        Assert.Contains("  /v1/device-registrations:\n", design.Api.OpenApiYaml.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(design.Architecture.Components, c => c.Name.StartsWith("Push gateway", StringComparison.Ordinal));
        Assert.Contains(design.Capabilities, c => c.Id == "mobile-push" && c.Technology.Contains("Notification Hubs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmailReminders_GetNoDeviceRegistrations()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Dentist reminders
            Receptionists book appointments and patients get an e-mail reminder the day before. About 3,000 patients;
            a team of 2 writes Python.
            """);

        Assert.DoesNotContain("device_registrations", doc.Design!.Database.Ddl, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Design.Capabilities, c => c.Id == "mobile-push");
    }
}
