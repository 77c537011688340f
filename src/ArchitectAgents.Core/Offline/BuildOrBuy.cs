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
        var products = family is null ? [] : Offered(family, f);
        if (family is null || products.Count == 0)
        {
            return;
        }

        var named = DesignWords.List(products, 3);
        var useCases = model.UseCases.Where(u => u.Actor != "System").Take(2).Select(u => $"{u.Actor} {u.Action} {u.Object}").ToList();
        // Named without versions: the version the design runs is the technologies section's to state.
        // Only an application stack is "kept" against the products: a channel the brief uses (Instagram) is none.
        var kept = model.ExistingDecisions.SelectMany(d => d.Technologies).Where(t => StackCategory(Catalogued(t))).Select(t => Version().Replace(t, "")).Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        var buy = Buy(f, plan);
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
            AdoptedProduct.Apply(design, f, family, products, buy);
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

    /// <summary>The product the design adopts, or null when it builds: a family the brief is in, a product it does not rule out, and the buy-not-build capability called for by the brief's limits.</summary>
    public static TechnologyInfo? Adopted(DesignFacts f, ComponentPlan plan, ProductCatalog catalog) =>
        Buy(f, plan) is not null && catalog.FamilyOf(f.Context.Requirements) is { } family
        && Offered(family, f) is [var product, ..]
            ? AdoptedProduct.Technology(family, product)
            : null;

    // A product the brief rules out ("the board ruled Teams out") is not offered again.
    private static List<string> Offered(ProductFamily family, DesignFacts f) => [.. family.Products.Where(p => !f.Excludes(p.Split(' ')[0]))];

    // A product the brief rules out ("not Teams") calls for weighing the others, not for adopting one: only the
    // brief's limits (no on-call, a tiny budget, "off the shelf") make adopting the first recommendation.
    // A brief that already runs its own application stack (a framework, a language, a database, a host) extends it:
    // adopting a product would re-platform what it keeps, so the products are weighed instead.
    private static CapabilityUse? Buy(DesignFacts f, ComponentPlan plan) => RunsOwnStack(f) ? null : plan.Capabilities.FirstOrDefault(c => c.Id == "buy-not-build"
        && !CapabilityCatalog.Default.ClassWords("off-the-shelf").Any(w => ExistingStack.Mentions(c.Because, w)));

    private static bool RunsOwnStack(DesignFacts f) => f.ExistingTechnologies.Any(t => StackCategory(Catalogued(t)));

    private static TechnologyInfo? Catalogued(string technology) =>
        KnowledgeBase.Default.Technologies.Technologies.FirstOrDefault(k => ExistingStack.Mentions(technology, k.Name));

    private static bool StackCategory(TechnologyInfo? t) =>
        t?.Category is "web-framework" or "language-runtime" or "database" or "managed-database" or "hosting" or "container-platform" or "serverless";

    private static string A(string noun) => ("aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal) ? "an " : "a ") + noun;

    [GeneratedRegex(@"\s+v?\d[\d.x]*\s*$")]
    private static partial Regex Version();
}
