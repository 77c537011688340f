using System.Globalization;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Offline;

/// <summary>An amount per month in US dollars, with the currency and amount the brief stated.</summary>
internal sealed partial record Money(double UsdPerMonth, string StatedCurrency, double StatedAmount, string StatedPeriod)
{
    /// <summary>The brief's wording, for example "GBP 40/month".</summary>
    public string Stated => $"{StatedCurrency} {StatedAmount.ToString("#,0.##", CultureInfo.InvariantCulture)}/{StatedPeriod}";

    /// <summary>The running budget: the smallest stated per-month or per-year amount, or a target stated beside one (one-off sums are not running costs).</summary>
    public static Money? MonthlyBudget(RequirementsModel model)
    {
        var rates = Knowledge.PriceTable.Default.UsdPerUnit;
        var stated = model.Figures.Where(f => !f.Derived).Select(f => (f, parts: f.Unit.Split('/'))).ToList();
        var periodic = stated.Where(x => x.parts.Length == 2 && rates.ContainsKey(x.parts[0]) && x.parts[1] is "month" or "year").ToList();
        // A target beside a running cost ("spend is about $3,000/month and we need it under $2,000") is in the same
        // currency and period as that cost; a one-off amount ("£6,000 for the migration") is not a running budget.
        var targets = stated.Where(x => x.parts.Length == 1 && rates.ContainsKey(x.parts[0]) && Target().IsMatch(x.f.Text))
            .Select(x => (x.f, parts: new[] { x.parts[0], periodic.FirstOrDefault(p => p.parts[0] == x.parts[0]).parts?[1] ?? "" }))
            .Where(x => x.parts[1].Length > 0);
        return periodic.Concat(targets)
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

    [GeneratedRegex(@"^(?:under|below|less than|at most|no more than|within|down to|cut to|max(?:imum)?|up to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Target();
}
