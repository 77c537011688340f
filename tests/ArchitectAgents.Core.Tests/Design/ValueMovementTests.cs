namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A use case that moves value ("send money to a phone number or IBAN", "donors give funds to a campaign") is the
/// create of the record of that movement, with amount, currency and the stated destination, not an action on a
/// "money" resource.
/// </summary>
public sealed class ValueMovementTests
{
    [Fact]
    public async Task SendingMoneyToAPhoneOrIban_CreatesATransferWithAmountCurrencyAndExactlyOneDestination()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Pocket wallet
            Customers send money to a phone number or IBAN, request money from friends and see their transfers in a feed.
            About 40,000 customers, a team of 4 developers.
            """);

        var yaml = doc.Design!.Api.OpenApiYaml.Replace("\r", "", StringComparison.Ordinal);
        Assert.DoesNotContain("/money/", yaml, StringComparison.Ordinal);
        Assert.Contains("  /v1/transfers:\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  /v1/money-requests:\n", yaml, StringComparison.Ordinal);
        var create = yaml.Split("    TransferCreate:\n")[1].Split("\n    Transfer")[0];
        Assert.Contains("amount:", create, StringComparison.Ordinal);
        Assert.Contains("currency:", create, StringComparison.Ordinal);
        Assert.Contains("recipient_phone_number:", create, StringComparison.Ordinal);
        Assert.Contains("recipient_iban:", create, StringComparison.Ordinal);

        var ddl = doc.Design.Database.Ddl;
        var transfers = ddl.Split("CREATE TABLE transfers (")[1].Split(");")[0];
        Assert.Contains("amount numeric(18,2) NOT NULL CHECK (amount > 0)", transfers, StringComparison.Ordinal);
        Assert.Contains("num_nonnulls(recipient_phone_number, recipient_iban) = 1", transfers, StringComparison.Ordinal);
        // The destination belongs to the send, not to the request written in the same sentence.
        var requests = ddl.Split("CREATE TABLE money_requests (")[1].Split(");")[0];
        Assert.DoesNotContain("recipient_iban", requests, StringComparison.Ordinal);
        Assert.Contains("amount numeric(18,2)", requests, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivingFundsToACampaign_IsADonationThatReferencesTheCampaign()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Village fundraiser
            Organisers create campaigns with a goal. Donors give funds to a campaign and see the running total.
            About 2,000 donors a year, one developer.
            """);

        var ddl = doc.Design!.Database.Ddl;
        Assert.Contains("CREATE TABLE donations (", ddl, StringComparison.Ordinal);
        var donations = ddl.Split("CREATE TABLE donations (")[1].Split(");")[0];
        Assert.Contains("amount numeric(18,2) NOT NULL CHECK (amount > 0)", donations, StringComparison.Ordinal);
        Assert.Contains("REFERENCES campaigns", donations, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE TABLE funds", ddl, StringComparison.Ordinal);
    }
}
