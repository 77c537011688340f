namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A knowledge-base entity is a template from some domain: the schema keeps only the columns the brief gives reason
/// for (plus keys, references and the fields any record of its kind carries), so a restaurant's customers get no
/// shipping address while a shop that ships to its customers keeps it.
/// </summary>
public sealed class TemplateColumnTests
{
    [Fact]
    public async Task RestaurantCustomers_GetNoShippingAddress()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Table bookings
            Customers book a table for dinner on our website and get a confirmation SMS. Staff confirm bookings and
            seat customers when they arrive. About 400 bookings a day across 6 restaurants; a team of 3 developers.
            """);

        var ddl = doc.Design!.Database.Ddl;
        Assert.Contains("CREATE TABLE customers", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("shipping_address", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("marketing_opt_in", ddl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALibraryCatalogue_KeepsNoneOfTheShopsCatalogue()
    {
        // The catalogue template is a shop's: its currency and its "look up a product by SKU" are no library's.
        var doc = await new DesignHarness().DesignAsync("""
            # Town library
            Borrowers search the catalogue, reserve books and renew loans online. About 12,000 borrowers and a
            patient volunteer who helps on Thursdays; one developer.
            """);

        var catalogues = doc.Design!.Database.Ddl.Split("CREATE TABLE catalogues")[1].Split(");")[0];
        Assert.DoesNotContain("currency", catalogues, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Design.Database.AccessPatterns, p => p.Contains("product", StringComparison.OrdinalIgnoreCase));
        // A "patient volunteer" is no healthcare brief: the domain is the kind of product the brief describes.
        Assert.Equal("integrated library system", doc.Context!.Domain);
    }

    [Fact]
    public async Task AShopsCatalogue_KeepsItsCurrencyBesidePrices_AndItsProductLookups()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Web shop
            Customers browse the product catalogue, filter products by price and place orders. About 300 orders a day;
            a team of 4 developers.
            """);

        Assert.Contains(doc.Design!.Database.AccessPatterns, p => p.Contains("product", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task MoneyAndLoans_MoveThroughTheirKindsLifecycle_NotAGenericOne()
    {
        // A deposit is not "paid" when its row is written, and a loan is active until it is returned.
        var doc = await new DesignHarness().DesignAsync("""
            # Tool library
            Members borrow tools and renew loans online, and members pay a deposit when they book the workshop.
            About 600 members, one developer.
            """);

        var ddl = doc.Design!.Database.Ddl;
        var deposits = ddl.Split("CREATE TABLE deposits")[1].Split(");")[0];
        Assert.Contains("DEFAULT 'pending' CHECK (status IN ('pending','paid','failed','refunded'))", deposits, StringComparison.Ordinal);
        var loans = ddl.Split("CREATE TABLE loans")[1].Split(");")[0];
        Assert.Contains("due_at timestamptz NOT NULL", loans, StringComparison.Ordinal);
        Assert.Contains("'returned'", loans, StringComparison.Ordinal);
        Assert.DoesNotContain("  name text", loans, StringComparison.Ordinal);
        // The member who borrows is the loan's creator: no second reference to the same person.
        Assert.Contains("created_by uuid NOT NULL REFERENCES members(id)", loans, StringComparison.Ordinal);
        Assert.DoesNotContain("user_id", loans, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShopThatShipsToCustomers_KeepsTheShippingAddress()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Web shop
            Customers place orders for our products and we ship them to the customer's shipping address. Staff update
            the product catalogue. About 300 orders a day; a team of 4 developers.
            """);

        Assert.Contains("shipping_address", doc.Design!.Database.Ddl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatedRetention_IsAPurgeRuleInTheDatabaseNotes_QuotingTheBrief()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Case notes
            Social workers write case notes about families and managers review them. Case notes are kept for 8 years
            after a case closes. About 200 staff; a team of 4 developers.
            """);

        Assert.Contains(doc.Context!.Requirements.Constraints, c => c.Kind == "retention");
        Assert.Contains(doc.Design!.Database.MigrationNotes, n => n.StartsWith("Retention as the brief states it", StringComparison.Ordinal) && n.Contains("8 years", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATemplatesLifecycle_IsReplaced_WhenTheBriefStatesNoneOfItsStates()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Depot maintenance
            Workshop managers plan orders for the mechanics every night and mechanics close the orders on tablets.
            About 40 mechanics in 2 depots; a team of 3 developers, on-premises.
            """);

        var ddl = doc.Design!.Database.Ddl;
        Assert.Contains("CREATE TABLE orders", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("'paid'", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("'shipped'", ddl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntitiesTheBriefNamesButDoesNotDescribe_GetTheColumnsOfTheirKind()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Guesthouse
            Guests reserve rooms for their stay online and the owner confirms reservations. About 40 reservations a day;
            a team of 2 developers.
            """);

        var ddl = doc.Design!.Database.Ddl;
        Assert.Matches(@"CREATE TABLE reservations \([^;]*ends_at timestamptz NOT NULL CHECK \(ends_at > starts_at\)", ddl);
        Assert.Matches(@"CREATE TABLE rooms \([^;]*capacity integer", ddl);
    }
}
