using System.Text.RegularExpressions;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Compares the brief's existing decisions with the plan: a named technology the plan replaces by another of the
/// same role, or an existing API version prefix the contract does not carry, becomes a departure with its reason.
/// What the plan keeps, and what the brief itself rules out, is no departure.
/// </summary>
internal static partial class DepartureFinder
{
    // Roles where two products are alternatives, so using one instead of the other replaces a decision.
    private static readonly HashSet<string> ReplaceableRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "database", "managed-database", "queue", "stream", "cache", "web-framework", "language-runtime", "auth", "observability",
        "container-platform", "hosting", "container-orchestration", "cdn", "payments", "email", "sms", "search", "object-storage",
    };

    public static List<string> Find(DesignFacts f, ComponentPlan plan, string? openApiYaml = null)
    {
        var kb = KnowledgeBase.Default;
        var departures = new List<string>();
        // Every technology the design picks, including a capability's own product where it adds no component.
        var used = plan.Technologies.Select(t => t.Tech)
            .Concat(plan.Capabilities.Select(c => kb.Technologies.Technologies.FirstOrDefault(t => !t.Deprecated && t.Name == c.Technology)).OfType<TechnologyInfo>())
            .DistinctBy(t => t.Id)
            .ToList();
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (label, named, all) in Stated(f))
        {
            var existing = kb.Technologies.Technologies.FirstOrDefault(t => !t.Deprecated && ReplaceableRoles.Contains(t.Category) && Same(t, named));
            if (existing is null || used.Any(u => u.Id == existing.Id) || f.Excludes(KitFitter.ShortName(existing.Name)) || !reported.Add(existing.Id))
            {
                continue;
            }

            var instead = used.FirstOrDefault(u => u.Category == existing.Category);

            // "Python and TypeScript", "C#, some TypeScript": a list of the team's languages is no decision the
            // design replaces when it uses one of them.
            var skillList = existing.Category is "language-runtime" && instead is not null && all.Any(o => Same(instead, o));
            if (instead is not null && !skillList)
            {
                departures.Add($"{label}: the design uses {instead.Name} instead of {named}. {Reason(plan.Kit, instead, existing, f)}");
            }
        }

        // An API that already ships under a version prefix keeps it; a contract under another prefix is a departure.
        var stated = ApiVersion().Match(string.Join(' ', f.Context.Requirements.ExistingDecisions.Select(d => d.Text)));
        if (stated.Success && openApiYaml is not null && !openApiYaml.Contains(stated.Value, StringComparison.Ordinal))
        {
            departures.Add($"Existing API path {stated.Value}: openapi.yaml describes the new operations under its own /v1 paths; they are mounted under the existing {stated.Value} prefix at the router so current clients keep working, and the contract is republished with that prefix before release.");
        }

        return departures;
    }

    // What the brief states it runs: the products of its existing decisions, then those of its stack, payments,
    // identity, cloud and hosting constraints (each with the label the departure quotes and its sibling names).
    private static IEnumerable<(string Label, string Named, IReadOnlyList<string> All)> Stated(DesignFacts f)
    {
        var model = f.Context.Requirements;
        foreach (var decision in model.ExistingDecisions)
        {
            foreach (var named in decision.Technologies)
            {
                yield return ($"Existing decision \"{Short(decision.Decision)}\"", named, decision.Technologies);
            }
        }

        foreach (var constraint in model.Constraints.Where(c => c.Kind is "stack" or "payments" or "identity" or "cloud" or "hosting"))
        {
            var names = constraint.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var named in names)
            {
                yield return ($"Stated {constraint.Kind} \"{Short(constraint.Value)}\"", named, names);
            }
        }
    }

    private static bool Same(TechnologyInfo tech, string named) => KitFitter.Names(tech).Any(n => ExistingStack.Mentions(named, n));

    private static string Reason(PlatformKit? kit, TechnologyInfo instead, TechnologyInfo existing, DesignFacts f) =>
        instead.Category is "language-runtime" or "web-framework"
            ? $"The team's stated skills ({string.Join(", ", f.Context.TeamSkills)}) decide the language of new code; {existing.Name} stays only where the existing system is kept during the migration."
        : kit is { Tiny: true }
            ? $"{existing.Name} does not fit the stated budget; {instead.Name} is hosted with a free or small tier. Staying on {existing.Name} is possible at the cost shown in the cost estimate."
            : $"{instead.Name} is the managed service for the {kit?.Hosting ?? "chosen"} platform and the knowledge base's templates target it; staying on {existing.Name} changes only this component, and the rest of the design is unchanged.";

    private static string Short(string text) => text.Length <= 90 ? text : text[..87].TrimEnd() + "...";

    [GeneratedRegex(@"(?<![\w/])/(?:[a-z][\w-]*/)*v\d+\b", RegexOptions.IgnoreCase)]
    private static partial Regex ApiVersion();
}
