using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Tests.Requirements;

/// <summary>Number formats of English, German, French and Spanish briefs, and what is not a figure.</summary>
public sealed class FigureReaderTests
{
    [Theory]
    [InlineData("We ship about 1,5 Mio order lines a year.", 1_500_000, "lines/year")]
    [InlineData("Die Plattform hat 200.000 Nutzer.", 200_000, "nutzer")]
    [InlineData("roughly 12k/day per DC", 12_000, "/day")]
    [InlineData("environ 2 000 réservations par mois", 2_000, "réservations/month")]
    [InlineData("The budget is £30/month.", 30, "GBP/month")]
    [InlineData("1.2M transfers/day expected", 1_200_000, "transfers/day")]
    [InlineData("unos 2,3 millones de lecturas al día", 2_300_000, "lecturas/day")]
    [InlineData("a team of 7 developers", 7, "developers")]
    [InlineData("Three of us run it.", 3, "people")]
    [InlineData("a peak of 300 rps on Friday evenings", 300, "requests/s")]
    [InlineData("presupuesto de 60.000 € para el primer año", 60_000, "EUR/year")]
    public void Reads_TheValueAndUnit_InEachFormat(string sentence, double value, string unitContains)
    {
        var figures = FigureReader.Read(sentence).Figures;
        Assert.Contains(figures, f => Math.Abs(f.Value - value) < 1e-6 && f.Unit.Contains(unitContains, StringComparison.OrdinalIgnoreCase));
        Assert.All(figures, f => Assert.Contains(f.Text, sentence, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Ruby on Rails 7 monolith; MySQL 8 on AWS RDS (eu-west-2).")]
    [InlineData("First hotels live by 1 May; registration opens at 08:00.")]
    [InlineData("21 CFR Part 11 applies; Study VB-204 starts soon; our audit window starts in Q3.")]
    [InlineData("The vendor's program dates from 2009.")]
    [InlineData("Pickers use Zebra TC52 handhelds.")]
    public void Versions_Dates_Times_Identifiers_AreNotFigures(string sentence) =>
        Assert.Empty(FigureReader.Read(sentence).Figures);

    [Theory]
    [InlineData("and a one-off £6,000 for the migration.", "for the migration")]
    [InlineData("and £5,000 once for the migration from the old system.", "for the migration")]
    public void AOneOffSum_KeepsWhatItIsFor(string sentence, string purpose)
    {
        var money = Assert.Single(FigureReader.Read("The hosting budget is £40/month " + sentence).Figures, f => f.Unit == "GBP");
        Assert.Equal(purpose, money.AppliesTo);
    }

    [Fact]
    public void Ranges_GiveTwoFiguresSharingTheirWords()
    {
        var figures = FigureReader.Read("Between on-sales it's a steady 200-500 rps of browsing.").Figures;
        Assert.Equal([200d, 500d], figures.Select(f => f.Value).Order());
        Assert.All(figures, f => Assert.Equal("200-500 rps", f.Text));
    }

    [Fact]
    public void QualityTargets_AreNotFigures()
    {
        var read = FigureReader.Read("Search p95 under 300 ms; the booking flow must be available 99.9% of the time.");
        Assert.Empty(read.Figures);
        Assert.Contains(read.Targets, t => t.Attribute == "latency" && t.Value == 300 && t.Percentile == "p95");
        Assert.Contains(read.Targets, t => t.Attribute == "availability" && t.Value == 99.9);
    }

    [Fact]
    public void RpoAndRto_AreTargetsWithTheirUnits()
    {
        var read = FigureReader.Read("RPO is 5 minutes at most; we can live with an RTO of 4 hours.");
        Assert.Contains(read.Targets, t => t.Attribute == "rpo" && t.Value == 5 && t.Unit == "minutes");
        Assert.Contains(read.Targets, t => t.Attribute == "rto" && t.Value == 4 && t.Unit == "hours");
    }
}
