namespace ArchitectAgents.Core.Knowledge;

/// <summary>
/// The shipped entity kinds (entitykinds.json): the columns a record of a kind has (a booking's period, a room's
/// capacity, a person's display name), for entities the brief names without saying what they hold.
/// </summary>
public sealed class EntityKindCatalog
{
    private static readonly Lazy<EntityKindCatalog> Shared = new(() => KnowledgeFile.Read<EntityKindCatalog>("entitykinds"));

    /// <summary>The embedded catalogue, loaded once.</summary>
    public static EntityKindCatalog Default => Shared.Value;

    /// <summary>Date of the catalogue.</summary>
    public string Version { get; set; } = "";

    /// <summary>Entries, in the order they are tried.</summary>
    public List<EntityKind> Kinds { get; set; } = [];

    /// <summary>The first kind whose words hold the entity's head word (the last word of its snake_case name), or null.</summary>
    public EntityKind? Of(string entityName) => Of(entityName, _ => true);

    /// <summary>The first kind whose words hold the entity's head word and that is admissible here (a kind that needs a parent, beside one), or null.</summary>
    public EntityKind? Of(string entityName, Func<EntityKind, bool> admissible)
    {
        var head = entityName.Split('_')[^1];
        return Kinds.FirstOrDefault(k => (k.Words.Contains(head, StringComparer.Ordinal) || k.Words.Contains(entityName, StringComparer.Ordinal)) && admissible(k));
    }
}

/// <summary>A kind of record and the columns every record of it has.</summary>
public sealed class EntityKind
{
    /// <summary>Unique id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Head words of entities of this kind (singular).</summary>
    public List<string> Words { get; set; } = [];

    /// <summary>Its columns.</summary>
    public List<EntityColumn> Columns { get; set; } = [];

    /// <summary>Its indexes.</summary>
    public List<List<string>> Indexes { get; set; } = [];

    /// <summary>Its unique column lists.</summary>
    public List<List<string>> Unique { get; set; } = [];

    /// <summary>Access patterns its indexes serve.</summary>
    public List<string> AccessPatterns { get; set; } = [];

    /// <summary>Kinds a record of this kind belongs to, in the order tried when the brief relates it to none.</summary>
    public List<string> Parents { get; set; } = [];

    /// <summary>True when the kind applies only beside a record of one of its parents (a member is a member of a group).</summary>
    public bool RequiresParent { get; set; }

    /// <summary>Questions asked of records of this kind that are answered by a query, never kept as a table ("availability" of rooms: those free for a period).</summary>
    public List<string> Views { get; set; } = [];

    /// <summary>The kind of a view noun ("availability") when an entity of that kind is among <paramref name="names"/>, or null.</summary>
    /// <param name="view">The entity name that may be a view (snake_case).</param>
    /// <param name="names">The design's entity names.</param>
    /// <param name="catalog">The kinds.</param>
    public static EntityKind? ViewOver(string view, IEnumerable<string> names, EntityKindCatalog catalog) =>
        catalog.Kinds.FirstOrDefault(k => k.Views.Contains(view, StringComparer.Ordinal)) is { } kind && names.Any(n => n != view && catalog.Of(n)?.Id == kind.Id) ? kind : null;

    /// <summary>The states a record of this kind moves through when the brief names none of its own (a payment is pending, then paid or failed), first the initial one; empty for the generic open → done.</summary>
    public List<string> Lifecycle { get; set; } = [];

    /// <summary>The parent kind whose record two records of this kind may not hold for overlapping periods, or null.</summary>
    public string? OverlapGuard { get; set; }

    /// <summary>"table" (the default) or "cache": state that expires on its own and is never a table.</summary>
    public string Keep { get; set; } = "table";
}
