using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Tests.Requirements;

/// <summary>Products the catalogue does not know are read where a product stands, and ordinary capitalised words are not.</summary>
public sealed class ProductNameTests
{
    [Theory]
    [InlineData("Orders reach us via our order hub (Zentrale Plus).", "Zentrale Plus")]
    [InlineData("Guests also book through Airbnb and Vrbo, which reach us via our channel manager (Hostaway).", "Airbnb,Vrbo,Hostaway")]
    [InlineData("Invoices are already sent using Lexoffice.", "Lexoffice")]
    public void ProductsInAProductsPlace_AreRead(string sentence, string expected) =>
        Assert.Equal(expected.Split(',').Order(), DecisionReader.ProductNamesIn(sentence).Order());

    [Theory]
    [InlineData("Wels goes live first in September, the other two before the peak.")]
    [InlineData("We receive pick waves from it (OData) and confirm picks back through REST.")]
    [InlineData("Staff sign in through Google on Android phones.")]
    [InlineData("Reports go out through Q3 as today.")]
    [InlineData("Data must stay in the EU, via our own data centre (EU).")]
    public void OrdinaryCapitalisedWords_AreNoProducts(string sentence) =>
        Assert.Empty(DecisionReader.ProductNamesIn(sentence));

    [Fact]
    public void AnExistingSystemOutsideTheCatalogue_IsADecisionNamingIt()
    {
        var decision = DecisionReader.Read("Bookings reach us via our channel manager (Hostaway).", null, TechnologyNames.Default, "brief");
        Assert.NotNull(decision);
        Assert.Contains("Hostaway", decision.Technologies);
    }
}
