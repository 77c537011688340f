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

    /// <summary>Managed application hosts by place, most specific first.</summary>
    public List<PlaceHosts> Hosts { get; set; } = [];

    /// <summary>The hosts of the first place a residency rule's words name ("données hébergées en France" → France), or null.</summary>
    public PlaceHosts? HostsFor(string residency) =>
        Hosts.FirstOrDefault(h => h.Names.Any(n => Names(residency, n)));

    /// <summary>The text names the place as a word; a short code ("UK", "US", "EU") only in capitals, so "us" or "in" never match.</summary>
    public static bool Names(string text, string name) =>
        Regex.IsMatch(text, $@"\b{Regex.Escape(name)}\b", name.Length <= 3 ? RegexOptions.CultureInvariant : RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

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

/// <summary>Managed application hosts with data centres in one place.</summary>
public sealed class PlaceHosts
{
    /// <summary>The place as the design names it ("France", "the EU").</summary>
    public string Place { get; set; } = "";

    /// <summary>Words a brief uses for it, in its languages.</summary>
    public List<string> Names { get; set; } = [];

    /// <summary>Providers, best known first.</summary>
    public List<string> Providers { get; set; } = [];
}
