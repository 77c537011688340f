using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Tests.Requirements;

public sealed class FigureTotalsTests
{
    [Theory]
    [InlineData("We run 3 distribution centres. We pick roughly 12k order lines/day per DC.", 36_000, "lines/day")]
    [InlineData("We have 40 stores, and each store sells about 500 items a day.", 20_000, "items/day")]
    [InlineData("Nous avons 12 restaurants et environ 300 réservations par jour par restaurant.", 3_600, "/day")]
    [InlineData("Our 25 schools each see around 2,000 logins a day; each school sends 2,000 logins a day at most.", 50_000, "logins/day")]
    [InlineData("Wir haben 40 Werkstätten mit je etwa 120 Terminen pro Tag pro Werkstatt.", 4_800, "/day")]
    public void A_FigurePerUnit_TimesTheStatedCountOfUnits_IsADerivedTotal(string brief, double total, string unitContains)
    {
        var figures = Read(brief);
        var derived = Assert.Single(FigureTotals.Derive(figures));
        Assert.Equal(total, derived.Value);
        Assert.Contains(unitContains, derived.Unit, StringComparison.Ordinal);
        Assert.True(derived.Derived);
        Assert.True(derived.Total);
        Assert.True(derived.Sizes);
        Assert.Contains("×", derived.Derivation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("We ship 12k orders/day per DC.")]
    [InlineData("We have 40 stores and 500 orders a day.")]
    [InlineData("Each month we ship 20,000 parcels across 3 warehouses.")]
    [InlineData("We have a team of 6 developers and 900 orders/day per developer.")]
    [InlineData("Each of our 3 stores sells goods; we ship 500 parcels a day.")]
    public void No_Total_WithoutAStatedCountOfTheSameUnit(string brief) =>
        Assert.Empty(FigureTotals.Derive(Read(brief)));

    private static List<Figure> Read(string brief) =>
        [.. brief.Split(". ").SelectMany(s => FigureReader.Read(s).Figures)];
}
