namespace ArchitectAgents.Core.Knowledge;

/// <summary>
/// What a team of a named business domain usually owns (domains.json), so a services split along the brief's team
/// lines gives each service its own things: the checkout team its orders and holds, the fraud team its alerts.
/// </summary>
public sealed class DomainOwnershipCatalog
{
    private static readonly Lazy<DomainOwnershipCatalog> Shared = new(() => KnowledgeFile.Read<DomainOwnershipCatalog>("domains"));

    /// <summary>The embedded catalogue, loaded once.</summary>
    public static DomainOwnershipCatalog Default => Shared.Value;

    /// <summary>Date of the catalogue.</summary>
    public string Version { get; set; } = "";

    /// <summary>The domains, in the order tried.</summary>
    public List<DomainOwnership> Domains { get; set; } = [];

    /// <summary>The entries a team's domain words recognise ("accounts &amp; ledger" → accounts, ledger).</summary>
    public IEnumerable<DomainOwnership> For(IEnumerable<string> teamWords)
    {
        var words = teamWords.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Domains.Where(d => d.Words.Any(words.Contains));
    }
}

/// <summary>One business domain: the words that name it and what a team of it keeps.</summary>
public sealed class DomainOwnership
{
    /// <summary>Words that name the domain in a list of teams.</summary>
    public List<string> Words { get; set; } = [];

    /// <summary>Entity head words (singular) such a team owns.</summary>
    public List<string> Owns { get; set; } = [];

    /// <summary>Entity kinds (entitykinds.json ids) such a team owns.</summary>
    public List<string> Kinds { get; set; } = [];
}
