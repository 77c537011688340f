using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Writes the brief's hard constraints into the parts of the design that must keep them, in the brief's own words:
/// where the data lives (regions, residency) in the platform plan, the stated deadline in the rollout, and the
/// stated languages the server kit does not use in the pattern's reason (kept for the parts written in them).
/// Only what the requirements model states is written; nothing is written for a brief that states none.
/// </summary>
internal static class StatedCommitments
{
    public static void Apply(DesignSection design, DesignFacts f)
    {
        var constraints = f.Context.Requirements.Constraints;
        var places = constraints.Where(c => c.Kind is "region" or "residency").Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (places.Count > 0)
        {
            design.Deployment.Platform += $". Data placement: the databases, backups, logs and object storage stay in {string.Join(", ", places)}, as the brief states; no replica, backup copy or processor outside it";
        }

        var deadlines = constraints.Where(c => c.Kind == "deadline").Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (deadlines.Count > 0)
        {
            design.Deployment.Rollout += $". Phasing to the stated deadline ({string.Join("; ", deadlines.Select(d => $"\"{d}\""))}): the first users go live on the smallest slice that meets it, the rest follow once it has run cleanly";
        }

        var languages = constraints.Where(c => c.Kind == "stack")
            .SelectMany(c => c.Value.Split([',', '/', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(name => KitNames.Find(design, name) is null && !f.Excludes(name))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (languages.Count > 0)
        {
            design.Architecture.Reason += $" The team's stated stack is kept where the server kit does not use it ({string.Join(", ", languages)}): the clients, scripts and integrations already written in it stay as they are.";
        }
    }
}
