using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Weighs building against adopting a product when the brief is in a domain products already serve (products.json:
/// a library system, a forum, team chat, an EDC). The products are named; the recommendation follows the brief's
/// constraints: adopt first when the buy-not-build capability was called for (no on-call, a tiny budget, "off the
/// shelf"), otherwise build, saying why (the stack the brief keeps, or its own rules) and what building costs.
/// </summary>
internal static partial class BuildOrBuy
{
    public static void Apply(DesignSection design, DesignFacts f, ComponentPlan plan, ProductCatalog catalog)
    {
        var model = f.Context.Requirements;
        var family = catalog.FamilyOf(model);
        // A product the brief rules out ("the board ruled Teams out") is not offered again.
        var products = family?.Products.Where(p => !f.Excludes(p.Split(' ')[0])).ToList() ?? [];
        if (family is null || products.Count == 0)
        {
            return;
        }

        var named = DesignWords.List(products, 3);
        var useCases = model.UseCases.Where(u => u.Actor != "System").Take(2).Select(u => $"{u.Actor} {u.Action} {u.Object}").ToList();
        // Named without versions: the version the design runs is the technologies section's to state.
        var kept = model.ExistingDecisions.SelectMany(d => d.Technologies).Select(t => Version().Replace(t, "")).Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        // A product the brief rules out ("not Teams") calls for weighing the others, not for adopting one: only the
        // brief's limits (no on-call, a tiny budget, "off the shelf") make adopting the first recommendation.
        var buy = plan.Capabilities.FirstOrDefault(c => c.Id == "buy-not-build"
            && !CapabilityCatalog.Default.ClassWords("off-the-shelf").Any(w => ExistingStack.Mentions(c.Because, w)));
        if (buy is not null)
        {
            design.Tradeoffs.Insert(0, new Tradeoff
            {
                Decision = $"Adopt {A(family.Name)} ({named}) rather than build one",
                OptimisesFor = $"It already covers {family.Covers}; the vendor or host runs upgrades, backups and monitoring, which answers {buy.Because}, and the money goes to migration and support",
                Sacrifices = "Rules the product lacks wait for its configuration or plug-ins, its roadmap and export formats become a dependency, and a support contract is a running cost to compare with hosting it yourself",
            });
            design.Architecture.Alternatives.Insert(0, new Alternative
            {
                Pattern = $"Build a custom {family.Name}",
                WhyNot = $"{family.Covers} already exist in {named}; building and running them is the work the brief cannot carry ({buy.Because})",
            });
            design.Architecture.Reason = $"Recommended first: adopt a hosted {family.Name} ({named}). The design below is what to build only where the product's gaps rule it out, or around it for the integrations, sized to the same constraints. "
                + design.Architecture.Reason;
            AdoptionCost(design, f, family, named);
            return;
        }

        var why = kept.Count > 0
            ? $"it keeps the stack the brief already runs ({DesignWords.List(kept, 3)}) and its own rules{(useCases.Count > 0 ? $" ({DesignWords.List(useCases, 2)})" : "")}, which the products would cover only through configuration or not at all"
            : useCases.Count > 0
                ? $"the brief's own rules ({DesignWords.List(useCases, 2)}) are the product here, and the products would cover them only through configuration"
                : "nothing in the brief rules the products out, so the choice should be confirmed against their feature lists before building";
        design.Tradeoffs.Insert(0, new Tradeoff
        {
            Decision = $"Build, having weighed {A(family.Name)} ({named})",
            OptimisesFor = char.ToUpperInvariant(why[0]) + why[1..],
            Sacrifices = $"A team of {f.Team} builds and runs what the products already offer ({family.Covers}); if the first release slips, adopting one of them is the fallback",
        });
        design.Architecture.Alternatives.Add(new Alternative
        {
            Pattern = $"Adopt {A(family.Name)} ({named})",
            WhyNot = $"Weighed and not chosen: {why}",
        });
    }

    // The estimate prices the build; adopting is priced by the vendors' quotes, which no price list holds. Said, with
    // the brief's own money to compare them with, instead of a total that reads as the cost of the recommendation.
    private static void AdoptionCost(DesignSection design, DesignFacts f, ProductFamily family, string named)
    {
        var budgets = f.Context.Requirements.Constraints.Where(c => c.Kind == "budget").ToList();
        var monthly = design.Cost.BudgetStated ?? budgets.FirstOrDefault(c => c.Value.Contains('/', StringComparison.Ordinal))?.Value;
        var oneOff = budgets.FirstOrDefault(c => !c.Value.Contains('/', StringComparison.Ordinal) && !c.Value.Contains("not quantified", StringComparison.Ordinal));
        design.Cost.Assumptions.Insert(0, $"The lines above price building and hosting it yourself. Adopting {A(family.Name)} ({named}) is priced by the vendors' quotes for hosting and support, which no public price list holds: "
            + (monthly is null ? "get two quotes and compare them with this estimate" : $"get two quotes and compare them with the budget of {monthly} and with this estimate")
            + (oneOff is null ? "" : $"; the one-off {oneOff.Value} (\"{oneOff.Text.Trim()}\") pays for moving the data and setting the product up")
            + ". If no quote fits, self-hosting the open-source product on a server of this estimate's size is the fallback, and its upkeep falls on the team of " + f.Team.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        design.Risks.Add(new Risk
        {
            Id = $"R{design.Risks.Count + 1}",
            Description = $"The vendor's hosting and support for {A(family.Name)} cost more than {monthly ?? "the budget"} allows",
            Likelihood = "medium",
            Impact = "high",
            Mitigation = $"Ask two vendors of {named} for quotes early, with the brief's volumes; if none fits, self-host the open-source product with managed backups and uptime alerts, or ask for the budget the quote needs before committing to a date.",
        });
    }

    private static string A(string noun) => ("aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal) ? "an " : "a ") + noun;

    [GeneratedRegex(@"\s+v?\d[\d.x]*\s*$")]
    private static partial Regex Version();
}
