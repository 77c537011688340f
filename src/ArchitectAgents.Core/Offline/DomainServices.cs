using System.Text.RegularExpressions;
using ArchitectAgents.Core.Gate;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// A services split along the team domains the brief names: one service per domain team, each owning its things and
/// its database (a database per service, never one shared by all), a backend for a client team's app, the platform
/// team owning the edge; what no team owns stays in one core service. A domain the brief says already runs a system
/// that stays (an existing ledger) fronts that system instead of replacing it.
/// </summary>
internal static partial class DomainServices
{
    public static void Lay(ComponentPlan plan, IReadOnlyList<TeamDomains.Domain> domains, DesignFacts f, TechnologyInfo? framework, TechnologyInfo? database, TechnologyInfo? events)
    {
        var model = f.Context.Requirements;
        var owned = domains.Where(d => d.Role == "domain").ToDictionary(d => d, _ => new List<string>());
        var leftovers = new List<string>();
        var catalogue = DomainOwnershipCatalog.Default;
        var platform = domains.FirstOrDefault(d => d.Role == "platform");
        var atTheEdge = new List<string>();
        var known = owned.Keys.ToDictionary(d => d, d => catalogue.For(d.Words).ToList());
        foreach (var entity in model.Entities.Select(e => e.Name))
        {
            var words = TraceWords.Content(entity);
            var head = words.LastOrDefault() ?? entity;
            var kind = EntityKindCatalog.Default.Of(head)?.Id;
            if (platform is not null && catalogue.For(platform.Words).Any(k => k.Owns.Contains(entity)))
            {
                // The platform team's things (a waiting room) live at the edge it runs, not in a domain service.
                atTheEdge.Add(Inflection.Plural(entity));
                plan.EntityOwners[entity] = $"{platform.Title} team (edge)";
                continue;
            }

            // The team whose name says it ("fan accounts" owns fans), else the one whose kind of domain keeps such things (checkout keeps holds).
            var owner = owned.Keys.FirstOrDefault(d => d.Words.Any(w => words.Any(e => e == w || TraceWords.SameStem(e, w))))
                ?? owned.Keys.FirstOrDefault(d => known[d].Any(k => k.Owns.Contains(entity)))
                ?? owned.Keys.FirstOrDefault(d => known[d].Any(k => k.Owns.Contains(head)))
                ?? owned.Keys.FirstOrDefault(d => kind is not null && known[d].Any(k => k.Kinds.Contains(kind)));
            (owner is null ? leftovers : owned[owner]).Add(Inflection.Plural(entity));
            plan.EntityOwners[entity] = owner is null ? "Core service" : $"{owner.Title} service";
        }

        // Every design keeps its users: the team whose domain keeps people (accounts) owns them.
        if (!owned.Values.Any(v => v.Contains("users")) && !leftovers.Contains("users")
            && owned.Keys.FirstOrDefault(d => known[d].Any(k => k.Kinds.Contains("person"))) is { } people)
        {
            owned[people].Insert(0, "users");
            plan.EntityOwners["user"] = $"{people.Title} service";
        }

        var dbName = database?.Name ?? "PostgreSQL";
        plan.Add("gateway", "API gateway", "gateway", "Routing, authentication, rate limits per client" + (platform is null ? "." : $"; owned by the {platform.Name} team with the edge{(atTheEdge.Count > 0 ? $" ({string.Join(", ", atTheEdge)})" : "")} and shared infrastructure."), null);

        // The core is the service that owns what no team claims, or the team owning the most things.
        var coreDomain = leftovers.Count > 0 || owned.Count == 0 ? null : owned.OrderByDescending(o => o.Value.Count).First().Key;
        plan.DefaultOwner = coreDomain is null ? "Core service" : $"{coreDomain.Title} service";
        if (coreDomain is null)
        {
            plan.Add("core", "Core service", "service", $"Owns what no team the brief names owns ({string.Join(", ", leftovers.Take(6))}), until a team takes it over.", framework);
            plan.Add("coredb", $"Core database ({dbName})", "database", "Owned by the core service alone.", database);
            plan.Connect("core", "coredb", "SQL");
        }

        var client = domains.FirstOrDefault(d => d.Role == "client");
        var front = "gateway";
        if (client is not null)
        {
            plan.Add("bff", $"Backend for the {client.Name}", "service", $"Owned by the {client.Name} team: composes the domain services' APIs for its screens and holds no data of its own.", framework);
            plan.Connect("gateway", "bff", "HTTPS");
            front = "bff";
        }

        plan.Add("stream", f.IsLargeScale ? "Event log" : "Event bus", "queue", "Domain events between the services, published through each service's transactional outbox; a subscription per consuming service.", events);
        foreach (var (domain, things) in owned)
        {
            var id = domain == coreDomain ? "core" : "svc-" + Slug(domain.Name);
            // A decision that keeps a system of this domain ("the core ledger is an existing Postgres-based system … and it stays"), not the list the domains came from.
            var existing = model.ExistingDecisions.FirstOrDefault(d => KeepsSystem().IsMatch(d.Text) && domains.Count(o => d.Text.Contains(o.Name, StringComparison.OrdinalIgnoreCase)) < 2
                && domain.Words.Any(w => TraceWords.Content(d.Text).Contains(w)));
            // The domain word the decision is about: the first of them it says ("the core ledger is … owned by the accounts & ledger squad" → ledger).
            var decisionWords = existing is null ? [] : TraceWords.Content(existing.Text);
            var kept = existing is null ? null : domain.Words.Where(decisionWords.Contains).OrderBy(decisionWords.IndexOf).First();
            var owns = things.Count > 0 ? $"Owns {string.Join(", ", things.Take(6))}" : "Owns its own records";
            plan.Add(id, $"{domain.Title} service", "service",
                existing is null
                    ? $"{owns}, for the {domain.Name} team; other services reach them only through its API or its events."
                    : $"{owns}, for the {domain.Name} team; works through the existing {kept} system, which stays as the brief states (\"{Short(existing.Decision)}\"), behind its own API.",
                framework);
            var keptStore = existing?.Technologies.FirstOrDefault(t => KnowledgeBase.Default.Technologies.Technologies.Any(k => k.Category is "database" or "managed-database" && KitFitter.Names(k).Append(k.Name).Any(n => ExistingStack.Mentions(t, n))));
            if (things.Count > 0 || keptStore is not null)
            {
                plan.Add(id + "-db", keptStore is null ? $"{domain.Title} database ({dbName})" : $"Existing {kept} database ({keptStore}, kept)", "database", $"Owned by the {domain.Name} service alone.", keptStore is null ? database : null);
                plan.Connect(id, id + "-db", "SQL");
                plan.Connect(front, id, "HTTPS");
                plan.Connect(id, "stream", "domain events (outbox)", async: true);
            }
            else
            {
                // A team with no things of its own (notifications) reacts to the others' events.
                plan.Connect("stream", id, "consume", async: true);
            }
        }

        if (plan.Has("coredb"))
        {
            plan.Connect(front, "core", "HTTPS");
            plan.Connect("core", "stream", "domain events (outbox)", async: true);
        }
    }

    private static string Short(string s) => s.Length <= 100 ? s : s[..97].TrimEnd() + "…";

    private static string Slug(string name) => NonWord().Replace(name.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"\b(?:existing|stays|kept|keep|already)\b", RegexOptions.IgnoreCase)]
    private static partial Regex KeepsSystem();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();
}
