using System.Globalization;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Writes the brief's hard constraints into the parts of the design that must keep them, in the brief's own words:
/// where the data lives (regions, residency) in the platform plan, the stated deadline in the rollout, and the
/// stated languages the server kit does not use in the pattern's reason (kept for the parts written in them), the
/// stated loads in the launch phase the design is sized for, and each stated latency, freshness or throughput target
/// as an SLO; a spike at a known time a scheduled scale-out and a load test before it; each stated retention period a
/// purge rule in the database notes; each stated invariant or privacy rule
/// becomes a risk with its mitigation.
/// Only what the requirements model states is written; nothing is written for a brief that states none.
/// </summary>
internal static partial class StatedCommitments
{
    public static void Apply(DesignSection design, DesignFacts f)
    {
        var constraints = f.Context.Requirements.Constraints;
        var places = constraints.Where(c => c.Kind is "region" or "residency").Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Two residency zones get separate deployments (ResidencyZones); one zone keeps everything in its places.
        if (places.Count > 0 && f.Zones.Count < 2)
        {
            design.Deployment.Platform += $". Data placement: the databases, backups, logs and object storage stay in {string.Join(", ", places)}, as the brief states; no replica, backup copy or processor outside it";
        }

        // The market the brief serves is where latency is measured from and where the first region must sit.
        var markets = constraints.Where(c => c.Kind == "market").Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var regions = constraints.Where(c => c.Kind == "region").Select(c => c.Value).ToList();
        if (markets.Count > 0)
        {
            design.Deployment.Platform += $". Market: the users are in {string.Join(" and ", markets)}; "
                + (design.Capabilities.Any(c => c.Id == "regional-edge-endpoints")
                    // Connections end near the users; records stay in the one home region.
                    ? $"their connections end at edge or regional endpoints close to each market, the records stay in {(regions.Count > 0 ? regions[0] : "the home region")}, and the latency targets are measured per market from those endpoints"
                    : regions.Count > 0 ? $"they are served from {regions[0]}, the brief's first region, and the latency targets are measured from there" : "the primary region is the cloud region nearest them, and the latency targets are measured from there");
        }

        // The deadline in the brief's whole sentence when it is short: "Wels goes live first in September, the other
        // two before the peak" says which slice goes first, which the value alone ("goes live first in September") loses.
        // A glossed value ("in March" for "en mars") is given beside the brief's own words.
        var deadlines = constraints.Where(c => c.Kind == "deadline")
            .Select(c => c.Text.Trim().Length > 200 ? c.Value
                : c.Text.Contains(c.Value, StringComparison.OrdinalIgnoreCase) ? c.Text.Trim().TrimEnd('.') : $"{c.Value}: {c.Text.Trim().TrimEnd('.')}")
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (deadlines.Count > 0)
        {
            design.Deployment.Rollout += $". Phased to the stated deadline ({string.Join("; ", deadlines.Select(d => $"\"{d}\""))}): the delivery plan below dates each slice";
            design.Deployment.Milestones = DeliveryPlan.Milestones(design, f);
        }

        // The loads the brief states (rates, not money) are what the first phase is sized for.
        var loads = f.Context.Requirements.Figures.Where(x => x.Sizes && FigureUnit.IsLoad(x.Unit)).Take(8).ToList();
        if (loads.Count > 0 && design.Scaling.Count > 0)
        {
            design.Scaling[0].Trigger += $"; sized for the stated load: {string.Join(", ", loads.Select(x => $"{x.Value.ToString("#,0.##", CultureInfo.InvariantCulture)} {x.Unit}{(x.AppliesTo is { Length: > 0 } a ? $" ({(x.Total ? "across " : "")}{a})" : "")}"))}";
        }

        // A spike at a known time ("registration opens at 08:00", "on-sale at 10:00 sharp") is scaled for before it
        // lands: reactive autoscaling and scale-to-zero react minutes after the first minute that matters.
        if (f.KnownSpike is { } spike && f.KnownSpikeAt is { } at && design.Scaling.Count > 0)
        {
            var crowd = f.KnownSpikeCrowd;
            design.Scaling[0].Actions.Add($"Scheduled scale-out before the known spike at {at} (\"{Short(spike.Evidence)}\"): instances and database capacity raised to the launch peak 30 minutes before, minimum instances above zero (no scale-to-zero or cold starts), reactive autoscaling only on top");
            design.Scaling[0].Actions.Add($"A load test at the stated crowd{(crowd is null ? "" : $" ({crowd.Value.ToString("#,0", CultureInfo.InvariantCulture)} {crowd.Unit})")} against the production-sized environment well before the first {at} opening, and again before each big scheduled opening and after each release that touches the hot path");
        }

        var observability = string.Join(' ', design.Deployment.Observability);
        var targets = f.Context.Requirements.QualityTargets
            .Where(q => q.Attribute is "latency" or "freshness" or "throughput" && q.Value is { } v && !DesignNumbers.StatesIn(observability, v, q.Unit))
            .Select(q => $"{q.Attribute} {q.Percentile} {q.Value!.Value.ToString("0.###", CultureInfo.InvariantCulture)} {q.Unit}{(q.Scope is { Length: > 0 } sc ? $" for {sc}" : "")}".Replace("  ", " ", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        if (targets.Count > 0)
        {
            design.Deployment.Observability.Add($"SLOs for the brief's stated targets, each with its own alert on error-budget burn: {string.Join("; ", targets)}");
        }

        // A stated retention period is kept where the data lives: a scheduled purge per record type, at the stated period.
        // The brief's own sentence is quoted: the reader's short value may be cut mid-word.
        foreach (var retention in constraints.Where(c => c.Kind == "retention").Select(c => c.Text.Length is > 0 and <= 240 ? c.Text.Trim() : c.Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(4))
        {
            design.Database.MigrationNotes.Add($"Retention as the brief states it (\"{retention}\"): the period is configuration per record type; "
                + (f.NeverDeletes
                    ? "rows are kept for at least that period and then archived to colder, write-once storage, never physically deleted (the brief forbids it); personal identifiers in them are pseudonymised where the regime allows, and every archive run is logged."
                    : "a scheduled job archives, then deletes, rows past it, skips records the brief requires to keep longer (legal hold, open cases), and logs what it removed."));
        }

        // A stated invariant or privacy rule is a risk the design must mitigate where the data is written or read.
        var n = 0;
        foreach (var rule in constraints.Where(c => c.Kind is "invariant" or "privacy").DistinctBy(c => c.Value, StringComparer.OrdinalIgnoreCase).Take(4))
        {
            design.Risks.Add(new Risk
            {
                Id = $"risk-stated-{(rule.Kind == "privacy" ? "privacy" : "invariant")}-{++n}",
                Description = $"Breaking the brief's rule \"{rule.Value}\" (\"{rule.Text.Trim()}\")",
                Likelihood = "medium",
                Impact = "high",
                Mitigation = rule.Kind == "privacy"
                    ? "Person identifiers are pseudonymised before any report, export or analytics store; raw records are readable only by the roles that need them, with every read logged; no per-person metric or ranking is computed."
                    : "Enforced where the data is written: a database constraint or a conditional update in the same transaction as the change, never a check in application memory; a concurrency test in the pipeline and an alert on any violation found by a reconciliation query.",
            });
        }

        var languages = constraints.Where(c => c.Kind == "stack")
            .SelectMany(c => KitNames.Listed(c.Value))
            .Where(name => KitNames.Find(design, name) is null && !f.Excludes(name))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (languages.Count > 0)
        {
            design.Architecture.Reason += $" The team's stated stack is kept where the server kit does not use it ({string.Join(", ", languages)}): the clients, scripts and integrations already written in it stay as they are.";
        }
    }

    private static string Short(string text) => text.Length <= 90 ? text : text[..87].TrimEnd() + "...";

}
