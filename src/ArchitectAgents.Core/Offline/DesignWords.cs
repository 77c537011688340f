using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// The names a design's prose can use: its use cases, actors, tables, stores and components. Sentences built from
/// these say what this design does instead of repeating the same advice in every report; each list is empty when
/// the design has nothing of that kind, so a sentence that needs one can be left out rather than made generic.
/// </summary>
internal sealed class DesignWords
{
    private DesignWords()
    {
    }

    /// <summary>Use cases people run, as "actor action object".</summary>
    public IReadOnlyList<string> UseCases { get; private init; } = [];

    /// <summary>Use cases that create, change or remove records.</summary>
    public IReadOnlyList<string> Writes { get; private init; } = [];

    /// <summary>Use cases that only read or search.</summary>
    public IReadOnlyList<string> Reads { get; private init; } = [];

    /// <summary>Person actors.</summary>
    public IReadOnlyList<string> People { get; private init; } = [];

    /// <summary>Tables of the brief's own entities (the users table every design has comes last).</summary>
    public IReadOnlyList<string> Tables { get; private init; } = [];

    /// <summary>Tables holding personal or regulated data.</summary>
    public IReadOnlyList<string> PersonalTables { get; private init; } = [];

    /// <summary>Tables the use cases write to.</summary>
    public IReadOnlyList<string> WrittenTables { get; private init; } = [];

    /// <summary>Component names by kind (database, cache, queue, search, storage, gateway, external, worker…).</summary>
    public ILookup<string, string> Components { get; private init; } = Array.Empty<string>().ToLookup(x => x);

    /// <summary>The main service's name.</summary>
    public string App { get; private init; } = "the application";

    /// <summary>The system of record's name.</summary>
    public string Database { get; private init; } = "PostgreSQL";

    /// <summary>The component clients reach first over HTTPS (ingress, gateway, CDN), or null.</summary>
    public string? Edge { get; private init; }

    /// <summary>The sign-in component, or null.</summary>
    public string? Identity { get; private init; }

    /// <summary>Non-person actors that call the API (partner systems, devices), not the design's own scheduler.</summary>
    public IReadOnlyList<string> Systems { get; private init; } = [];

    /// <summary>Columns only the service sets ("books.status"), from the tables' lifecycle columns.</summary>
    public IReadOnlyList<string> ServerOwnedFields { get; private init; } = [];

    /// <summary>True when the API has export operations.</summary>
    public bool HasExports { get; private init; }

    /// <summary>What the secret store holds: database credentials, third-party keys, the sign-in client secret.</summary>
    public IReadOnlyList<string> Secrets { get; private init; } = [];

    /// <summary>The components the services call over the network (stores, queues, third parties).</summary>
    public IReadOnlyList<string> Hops { get; private init; } = [];

    /// <summary>Components that keep data at rest (database, caches, search, object storage, event logs).</summary>
    public IReadOnlyList<string> Stores { get; private init; } = [];

    /// <summary>Stores besides the system of record that can hold copies of records (caches, search, object storage).</summary>
    public IReadOnlyList<string> Copies { get; private init; } = [];

    /// <summary>Technology names by catalogue category (orm, ci-cd, secrets, key-management…).</summary>
    public ILookup<string, string> Technologies { get; private init; } = Array.Empty<string>().ToLookup(x => x);

    public static DesignWords From(DesignFacts f, ComponentPlan plan, IReadOnlyList<EntityInfo> entities)
    {
        var model = f.Context.Requirements;
        var lexicon = ReadingLexicon.Default;
        var people = model.UseCases.Where(u => !string.Equals(u.Actor, "System", StringComparison.OrdinalIgnoreCase)).ToList();
        string Phrase(UseCase u) => $"{u.Actor} {u.Action} {u.Object}".Trim();
        bool IsRead(UseCase u) => lexicon.OperationKind(u) is "read" or "search" or "export";
        var written = people.Where(u => !IsRead(u)).Select(u => DomainEntities.Of(u, entities)?.Table).OfType<string>().Distinct().ToList();
        var own = entities.Where(e => e.Name != "user").Select(e => e.Table).ToList();
        Component? ById(string id) => plan.Components.FirstOrDefault(c => c.Id == id);
        var edgeId = plan.Flows.Where(fl => fl.From == "clients" && fl.To != "idp").Select(fl => fl.To).FirstOrDefault();
        var services = plan.Components.Where(c => c.Kind is "service" or "worker").Select(c => c.Id).ToHashSet();
        var hops = plan.Flows.Where(fl => services.Contains(fl.From) && !services.Contains(fl.To) && ById(fl.To) is { Kind: not "observability" and not "client" })
            .Select(fl => ById(fl.To)!.Name).Distinct().ToList();
        // A pub/sub channel passes messages through; it keeps no records to encrypt or erase.
        bool Keeps(Component c) => c.Kind is "database" or "cache" or "search" or "storage" && c.Id != "pubsub";
        var stores = plan.Components.Where(Keeps).Select(c => c.Name).ToList();
        var externals = plan.Components.Where(c => c.Kind == "external" && c.Id != "idp").Select(c => c.Name).ToList();
        var identity = ById("idp");
        var database = plan.Kit?.ManagedDatabase?.Name ?? plan.Kit?.Database?.Name ?? "PostgreSQL";
        return new DesignWords
        {
            UseCases = [.. people.Select(Phrase).Distinct()],
            Writes = [.. people.Where(u => !IsRead(u)).Select(Phrase).Distinct()],
            Reads = [.. people.Where(IsRead).Select(Phrase).Distinct()],
            People = [.. model.Actors.Where(a => a.Kind == "person").Select(a => a.Name).Distinct()],
            Tables = [.. own, .. entities.Where(e => e.Name == "user").Select(e => e.Table)],
            PersonalTables = [.. entities.Where(e => e.Sensitivity != "none").Select(e => e.Table)],
            WrittenTables = written,
            Components = plan.Components.ToLookup(c => c.Kind, c => c.Name),
            Edge = edgeId is null ? null : ById(edgeId)?.Name,
            Identity = identity?.Name,
            Systems = [.. model.Actors.Where(a => a.Kind != "person" && !string.Equals(a.Name, "System", StringComparison.OrdinalIgnoreCase)).Select(a => a.Name).Distinct()],
            ServerOwnedFields = [.. entities.Where(e => e.Columns.Any(c => c.Name == "status")).Select(e => e.Table + ".status")],
            HasExports = people.Any(u => lexicon.OperationKind(u) == "export"),
            Secrets = [$"the {database} credentials", .. externals.Select(x => x + " API keys"), .. identity is { TechnologyId: not null } ? [$"the {identity.Name} client secret"] : Array.Empty<string>()],
            Hops = hops.Count > 0 ? hops : [database],
            Stores = stores.Count > 0 ? stores : [database],
            Copies = [.. plan.Components.Where(c => Keeps(c) && c.Kind != "database").Select(c => c.Name)],
            // In a services split every service is built, scanned and released on its own: no one of them stands for the rest.
            App = plan.DefaultOwner is not null && plan.Components.Count(c => c.Kind == "service") > 1 ? "each service"
                : plan.Components.FirstOrDefault(c => c.Kind == "service")?.Name ?? "the application",
            Database = database,
            Technologies = plan.Technologies.ToLookup(t => t.Tech.Category, t => t.Tech.Name),
        };
    }

    /// <summary>The first component of a kind, or null.</summary>
    public string? Component(string kind) => Components[kind].FirstOrDefault();

    /// <summary>The first technology of a category, or null.</summary>
    public string? Technology(string category) => Technologies[category].FirstOrDefault();

    /// <summary>"a, b and c", at most <paramref name="max"/> named and the rest counted, so long lists stay readable.</summary>
    public static string List(IEnumerable<string> items, int max = 3)
    {
        var all = items.Where(x => x.Length > 0).Distinct().ToList();
        var shown = all.Take(max).ToList();
        var more = all.Count - shown.Count;
        var head = shown.Count <= 1 ? string.Join("", shown) : string.Join(", ", shown.Take(shown.Count - 1)) + (more > 0 ? ", " : " and ") + shown[^1];
        return more > 0 ? $"{head} and {more} more" : head;
    }
}
