using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Knowledge;

/// <summary>
/// The shipped data-protection jurisdictions (jurisdictions.json) and the cloud regions inside each, so a design can
/// tell two stated regions of one jurisdiction (a primary and its standby) from two that must be kept apart.
/// </summary>
public sealed class JurisdictionCatalog
{
    private static readonly Lazy<JurisdictionCatalog> Shared = new(() => KnowledgeFile.Read<JurisdictionCatalog>("jurisdictions"));

    /// <summary>The embedded catalogue, loaded once.</summary>
    public static JurisdictionCatalog Default => Shared.Value;

    /// <summary>Entries, most specific first (the UK before the EU, whose AWS prefix it shares).</summary>
    public List<Jurisdiction> Jurisdictions { get; set; } = [];

    /// <summary>The jurisdiction a cloud region lies in ("eu-central-1" → EU, "eu-west-2" → UK), or null.</summary>
    public Jurisdiction? OfRegion(string region) =>
        Jurisdictions.FirstOrDefault(j => j.Regions.Any(p => Regex.IsMatch(region.Trim(), p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)));

    /// <summary>The jurisdiction a place name of the brief names ("EU", "Europe", "the US"), or null.</summary>
    public Jurisdiction? OfPlace(string place) =>
        Jurisdictions.FirstOrDefault(j => j.Id.Equals(place.Trim(), StringComparison.OrdinalIgnoreCase)
            || j.Names.Any(n => n.Equals(place.Trim(), StringComparison.OrdinalIgnoreCase)));
}

/// <summary>A data-protection jurisdiction and the region names inside it.</summary>
public sealed class Jurisdiction
{
    /// <summary>Short name used in the design ("EU", "US", "UK").</summary>
    public string Id { get; set; } = "";

    /// <summary>Names a brief uses for it.</summary>
    public List<string> Names { get; set; } = [];

    /// <summary>Case-insensitive patterns over region names inside it.</summary>
    public List<string> Regions { get; set; } = [];
}
