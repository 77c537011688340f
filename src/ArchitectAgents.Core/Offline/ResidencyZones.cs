using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// A residency rule over stated regions in two or more jurisdictions ("EU site data must stay in the EU"; "us-east-1
/// and eu-central-1") is met by construction: one regional deployment per jurisdiction, each record written in the
/// zone of the site or account it belongs to, nothing personal replicated or backed up across zones. Regions of one
/// jurisdiction (a primary and its standby) are one zone and need none of this.
/// </summary>
internal static class ResidencyZones
{
    /// <summary>A residency zone: the jurisdiction and the stated regions inside it (empty when the brief names none).</summary>
    public sealed record Zone(string Jurisdiction, IReadOnlyList<string> Regions)
    {
        /// <summary>"EU in eu-central-1", "US in a US region".</summary>
        public string Placement => $"{Jurisdiction} in {(Regions.Count > 0 ? string.Join(" and ", Regions) : $"a {Jurisdiction} region")}";
    }

    /// <summary>The zones the brief keeps apart; empty unless a residency rule and at least two jurisdictions are stated.</summary>
    public static IReadOnlyList<Zone> Of(RequirementsModel model)
    {
        var rules = model.Constraints.Where(c => c.Kind == "residency").ToList();
        if (rules.Count == 0)
        {
            return [];
        }

        var catalog = JurisdictionCatalog.Default;
        var placed = model.Constraints.Where(c => c.Kind == "region").Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(r => (Jurisdiction: catalog.OfRegion(r)?.Id, Region: (string?)r))
            .Concat(rules.Select(r => (Jurisdiction: catalog.OfPlace(r.Value)?.Id, Region: (string?)null)))
            .Where(z => z.Jurisdiction is not null)
            .GroupBy(z => z.Jurisdiction!, StringComparer.Ordinal)
            .Select(g => new Zone(g.Key, [.. g.Select(z => z.Region).OfType<string>()]))
            .ToList();
        return placed.Count >= 2 ? placed : [];
    }

    /// <summary>Writes the separate deployments into the platform plan, a trade-off and the risk of crossing zones.</summary>
    public static void Apply(DesignSection design, DesignFacts f)
    {
        var zones = f.Zones;
        if (zones.Count < 2)
        {
            return;
        }

        var rule = f.Context.Requirements.Constraints.First(c => c.Kind == "residency");
        var names = DesignWords.List([.. zones.Select(z => z.Jurisdiction)]);
        design.Deployment.Platform += $". Data placement: separate regional deployments, one per residency zone ({string.Join("; ", zones.Select(z => z.Placement))}), "
            + "each with its own database, backups, logs, object storage and encryption keys; a record is written in the zone of the site or account it belongs to, "
            + $"fixed when that site or account is created, and personal data is never replicated, backed up or processed across zones (\"{rule.Text.Trim()}\"); "
            + "a thin routing layer that holds only the site-or-account-to-zone map sends each request to its home zone; "
            + "the zones share code, infrastructure definitions and one release pipeline, so each release is deployed and verified in every zone";
        design.Tradeoffs.Add(new Tradeoff
        {
            Decision = $"Separate regional deployments for {names} instead of one global database with regional replicas",
            OptimisesFor = "residency by construction: no replication, backup or support query can move one zone's personal data into another",
            Sacrifices = $"{zones.Count} stacks to run, patch and release; reports across zones only from de-identified aggregates; a person who works in several zones has an account in each",
        });
        design.Risks.Add(new Risk
        {
            Id = "risk-residency-zones",
            Description = $"A report, export or support tool copies personal data from one residency zone into another ({names})",
            Likelihood = "medium",
            Impact = "high",
            Mitigation = "Reports run inside each zone and are combined only as de-identified aggregates; operator access is granted per zone; network policy denies traffic between the zones' data stores, and any cross-zone transfer is alerted on.",
        });
    }
}
