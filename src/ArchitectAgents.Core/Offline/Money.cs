using System.Globalization;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Offline;

/// <summary>An amount per month in US dollars, with the currency and amount the brief stated.</summary>
internal sealed record Money(double UsdPerMonth, string StatedCurrency, double StatedAmount, string StatedPeriod)
{
    /// <summary>The brief's wording, for example "GBP 40/month".</summary>
    public string Stated => $"{StatedCurrency} {StatedAmount.ToString("#,0.##", CultureInfo.InvariantCulture)}/{StatedPeriod}";

    /// <summary>The running budget: the smallest stated per-month or per-year amount (one-off sums are not running costs).</summary>
    public static Money? MonthlyBudget(RequirementsModel model)
    {
        var rates = Knowledge.PriceTable.Default.UsdPerUnit;
        return model.Figures
            .Where(f => !f.Derived)
            .Select(f => (f, parts: f.Unit.Split('/')))
            .Where(x => x.parts.Length == 2 && rates.ContainsKey(x.parts[0]) && x.parts[1] is "month" or "year")
            .Select(x => new Money(x.f.Value * rates[x.parts[0]] / (x.parts[1] == "year" ? 12 : 1), x.parts[0], x.f.Value, x.parts[1]))
            .OrderBy(m => m.UsdPerMonth)
            .FirstOrDefault();
    }

    /// <summary>A dollar amount converted back to the brief's currency, for text the requester reads.</summary>
    public string InStated(double usdPerMonth)
    {
        var rate = Knowledge.PriceTable.Default.UsdPerUnit.GetValueOrDefault(StatedCurrency, 1);
        return $"{StatedCurrency} {(usdPerMonth / rate).ToString("#,0", CultureInfo.InvariantCulture)}/month";
    }
}
