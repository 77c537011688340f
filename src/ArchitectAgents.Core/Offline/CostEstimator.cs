using System.Globalization;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Prices the plan from the shipped price table: each technology's base price at its smallest production size, grown
/// with the figure it scales with (peak requests/s, requests a day, data, users, devices), plus operations time for
/// anything the team runs itself. The total is compared with the brief's running budget.
/// </summary>
internal static class CostEstimator
{
    public static CostEstimate Estimate(DesignFacts f, ComponentPlan plan)
    {
        var prices = PriceTable.Default;
        var estimate = new CostEstimate
        {
            Currency = prices.Currency,
            // The table's method (list prices, smallest tier) is in prices.json; the report cites it once by date.
            PriceSource = $"Prices: prices.json (public list prices, checked {prices.CheckedAt}).",
        };
        // The engine (PostgreSQL) runs on the managed service when the plan has one: the service is what is paid for,
        // once per database the plan keeps (a services split has one per service; a kept existing one is already paid).
        var managed = plan.Technologies.Any(t => t.Tech.Category == "managed-database" && prices.For(t.Tech.Id) is not null);
        var engines = plan.Technologies.Where(t => t.Tech.Category == "database").Select(t => t.Tech.Id).ToHashSet(StringComparer.Ordinal);
        var databases = plan.Components.Count(c => c.Kind == "database" && c.TechnologyId is { } id && engines.Contains(id));
        var spikeAt = f.KnownSpikeAt;
        foreach (var (tech, _) in plan.Technologies)
        {
            if (prices.For(tech.Id) is not { } line || managed && tech.Category == "database" && engines.Contains(tech.Id))
            {
                continue;
            }

            var amount = Size(line, f);
            var item = line.Item;
            if (line.ScaleWith == "connections")
            {
                item += f.Concurrent > 0
                    ? $", for the brief's {NumberText.Format(f.Concurrent)} connected at once"
                    : f.Users > 0 ? $", assuming ~10 % of the {NumberText.Format(f.Users)} users connected at once" : "";
            }

            // A spike at a known hour is met by capacity raised before it: nothing idles to zero or pauses then.
            if (spikeAt is { } at)
            {
                item = item.Replace("scale to zero idle", $"one replica always on, scaled out before the {at} spike", StringComparison.Ordinal);
                if (item.Contains("serverless", StringComparison.Ordinal))
                {
                    item += $", auto-pause off and capacity raised before the {at} spike";
                }
            }

            var perDatabase = databases > 1 && (tech.Category == "managed-database" || !managed && engines.Contains(tech.Id));
            if (perDatabase)
            {
                amount *= databases;
                item += $", × {databases} (one per service database)";
            }

            // The launch the scaling roadmap describes is what is priced: two instances of the one deployable, and a
            // standby beside a single database node when the availability target calls for one.
            if (line.PerInstance && (plan.Has("app") || plan.Has("core")))
            {
                amount *= 2;
                item += ", × 2 (two instances at launch)";
            }

            if (line.SingleNode && f.HighAvailability && !managed)
            {
                amount *= 2;
                item += $", × 2 (primary and standby for the {f.Availability.ToString("0.###", CultureInfo.InvariantCulture)}% target)";
            }

            if (line.SelfRun)
            {
                amount += prices.OpsHoursPerSelfRunMonth * prices.OpsHourUsd;
                item += $" + {prices.OpsHoursPerSelfRunMonth.ToString(CultureInfo.InvariantCulture)} h/month of patching and backups";
            }

            // Each residency zone runs its own stack; the delivery pipeline and infrastructure code are shared.
            if (f.Zones.Count > 1 && tech.Category is not ("ci-cd" or "gitops" or "iac"))
            {
                amount *= f.Zones.Count;
                item += $", × {f.Zones.Count} (one stack per residency zone: {string.Join(", ", f.Zones.Select(z => z.Jurisdiction))})";
            }

            estimate.Lines.Add(new CostLine
            {
                Component = plan.Components.FirstOrDefault(c => c.TechnologyId == tech.Id)?.Id ?? tech.Id,
                TechnologyId = tech.Id,
                Item = item,
                PerMonth = Math.Round(amount),
            });
        }

        estimate.TotalPerMonth = estimate.Lines.Sum(l => l.PerMonth);
        if (f.MonthlyBudget is { } budget)
        {
            estimate.BudgetPerMonth = Math.Round(budget.UsdPerMonth);
            estimate.BudgetStated = budget.Stated;
            estimate.OverBudget = estimate.TotalPerMonth > budget.UsdPerMonth;
        }
        else if (f.Context.Requirements.Constraints.FirstOrDefault(c => c.Kind == "budget") is { } vague)
        {
            // "Ideally it's cheap to run": no figure to hold the estimate to, so the design says what it costs and how it was kept low.
            estimate.BudgetStated = vague.Value.Replace(" (not quantified)", "", StringComparison.Ordinal);
            estimate.Assumptions.Add($"The brief asks for a low running cost without a figure (\"{vague.Text.Trim()}\"): this is the smallest configuration that serves the stated needs, without standby or reserved capacity; a monthly ceiling from the brief's owners would let the estimate be checked against it.");
        }

        // One sentence led by this design's figures; the exclusions name the third parties whose per-use fees are left out.
        var thirdParties = plan.Components.Where(c => c.Kind == "external" && c.Id != "idp").Select(c => c.Name).ToList();
        estimate.Assumptions.Add($"Sized for {Sizing(f)} at on-demand list prices without reserved-capacity or negotiated discounts, excluding people, licences already owned, "
            + (thirdParties.Count > 0 ? $"per-transaction fees of {DesignWords.List(thirdParties)} " : "")
            + "and data egress beyond the free tiers.");
        if (plan.Technologies.Any(t => prices.For(t.Tech.Id) is { SelfRun: true }))
        {
            estimate.Assumptions.Add($"Self-run servers include {prices.OpsHoursPerSelfRunMonth.ToString(CultureInfo.InvariantCulture)} h/month of operations each at ${prices.OpsHourUsd.ToString(CultureInfo.InvariantCulture)}/h.");
        }

        return estimate;
    }

    /// <summary>The cheapest priced technology of the same category, when cheaper: the alternative an over-budget line offers.</summary>
    public static (TechnologyInfo Tech, double PerMonth)? CheaperAlternative(string technologyId, DesignFacts f)
    {
        var kb = KnowledgeBase.Default;
        var prices = PriceTable.Default;
        if (kb.Technology(technologyId) is not { } tech || prices.For(technologyId) is not { } current)
        {
            return null;
        }

        var now = Size(current, f) + (current.SelfRun ? prices.OpsHoursPerSelfRunMonth * prices.OpsHourUsd : 0);
        return kb.Technologies.Technologies
            .Where(t => t.Category == tech.Category && t.Id != tech.Id && !t.Deprecated && (t.Stacks.Contains("any") || t.Stacks.Contains(f.Stack)))
            .Select(t => (Tech: t, Line: prices.For(t.Id)))
            .Where(x => x.Line is not null && (!x.Line.ExistingOnly || f.Names(x.Tech.Name)))
            .Select(x => (x.Tech, PerMonth: Math.Round(Size(x.Line!, f) + (x.Line!.SelfRun ? prices.OpsHoursPerSelfRunMonth * prices.OpsHourUsd : 0))))
            .Where(x => x.PerMonth < now)
            .OrderBy(x => x.PerMonth)
            .Select(x => ((TechnologyInfo, double)?)x)
            .FirstOrDefault();
    }

    private static double Size(PriceLine line, DesignFacts f)
    {
        var figure = line.ScaleWith switch
        {
            "peak-rps" => f.PeakRps,
            "requests-per-day" => f.TransactionsPerDay,
            "data-gb" => f.DataGb,
            "users" => f.Users,
            "devices" => f.Devices,
            // Connections held at once: the brief's figure, else a tenth of its users (said so on the line).
            "connections" => f.Concurrent > 0 ? f.Concurrent : f.Users * 0.1,
            _ => 0,
        };
        var extraUnits = line.UnitSize > 0 ? Math.Max(0, Math.Ceiling(figure / line.UnitSize) - 1) : 0;
        return line.UsdPerMonth + extraUnits * line.PerUnitUsd;
    }

    private static string Sizing(DesignFacts f)
    {
        var parts = new List<string>();
        if (f.PeakRps > 0) parts.Add($"{NumberText.Format(f.PeakRps)} requests/s at peak");
        if (f.TransactionsPerDay > 0) parts.Add($"{NumberText.Format(f.TransactionsPerDay)} requests a day");
        if (f.Users > 0) parts.Add($"{NumberText.Format(f.Users)} users");
        if (f.DataGb > 0) parts.Add($"{NumberText.Format(f.DataGb)} GB of data");
        if (f.Devices > 0) parts.Add($"{NumberText.Format(f.Devices)} devices");
        return parts.Count == 0 ? "the smallest production size (the brief states no load figures)" : string.Join(", ", parts);
    }
}
