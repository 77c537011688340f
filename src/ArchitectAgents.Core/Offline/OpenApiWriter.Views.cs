using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Questions asked of a kind of record that no table keeps ("search availability" of rooms): a GET on that record's
/// collection for a period (starts_at, ends_at, the party), answered from the records and the bookings and holds
/// that may not overlap them, so the answer is computed where the double-booking guard lives.
/// </summary>
internal static partial class OpenApiWriter
{
    /// <summary>Adds the view operations; returns the use cases they serve.</summary>
    private static List<UseCase> AddViewPaths(Dictionary<string, object> paths, IReadOnlyList<EntityInfo> entities, IReadOnlyList<UseCase> useCases)
    {
        var kinds = EntityKindCatalog.Default;
        var served = new List<UseCase>();
        foreach (var group in useCases.GroupBy(u => DomainEntities.Snake(u.Object)))
        {
            if (EntityKind.ViewOver(group.Key, entities.Select(e => e.Name), kinds) is not { } kind
                || entities.FirstOrDefault(e => kinds.Of(e.Name)?.Id == kind.Id) is not { } over)
            {
                continue;
            }

            // The records that hold one for a period: their overlap guard is what "free" means.
            var holders = entities.Where(e => e.Constraints.Any(c => c.StartsWith("EXCLUDE", StringComparison.Ordinal)) && e.Columns.Any(c => c.References == over.Name)).ToList();
            var name = Pascal(over.Name);
            var view = group.Key.Replace('_', '-');
            paths[$"/v1/{over.Resource}/{view}"] = new Dictionary<string, object>
            {
                ["get"] = new Dictionary<string, object>
                {
                    ["operationId"] = $"search{Pascal(over.Table)}{Pascal(group.Key)}",
                    ["x-tables"] = new[] { over.Table }.Concat(holders.Select(h => h.Table)).ToArray(),
                    ["x-use-cases"] = group.Select(u => u.Id).ToArray(),
                    ["summary"] = string.Join("; ", group.Select(u => $"{u.Id}: {u.Actor} {u.Action} {u.Object}"))
                        + $": the {Words(over.Table)} free for the whole period"
                        + (holders.Count > 0 ? $" (no {string.Join(" or ", holders.Select(h => Words(h.Name)))} overlaps it)" : ""),
                    ["tags"] = new[] { over.Resource },
                    ["parameters"] = new object[] { PeriodParameter("starts_at", "Start of the period (inclusive)."), PeriodParameter("ends_at", "End of the period (exclusive); after starts_at.") }
                        .Concat(over.Columns.Any(c => c.Name == "capacity") || holders.Any(h => h.Columns.Any(c => c.Name == "party_size"))
                            ? [new Dictionary<string, object> { ["name"] = "party_size", ["in"] = "query", ["required"] = false, ["description"] = "How many people it must take.", ["schema"] = new Dictionary<string, object> { ["type"] = "integer", ["minimum"] = 1 } }]
                            : Array.Empty<object>())
                        .Concat(ParentFilters(over)).Concat([Ref("#/components/parameters/Limit"), Ref("#/components/parameters/Cursor")]).ToArray(),
                    // Anyone may ask what is free (visitors search before they sign in); taking it needs a token.
                    ["security"] = Array.Empty<object>(),
                    ["responses"] = Responses(("200", Json($"#/components/schemas/{name}Page", $"The {Words(over.Table)} free for the period.")), "400", "429"),
                },
            };
            served.AddRange(group);
        }

        return served;
    }

    private static Dictionary<string, object> PeriodParameter(string name, string description) => new()
    {
        ["name"] = name, ["in"] = "query", ["required"] = true, ["description"] = description,
        ["schema"] = new Dictionary<string, object> { ["type"] = "string", ["format"] = "date-time" },
    };
}
