using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Operations from use cases: each use case on an entity becomes the operation its verb calls for, in the brief's
/// nouns (submit → POST the collection, search → GET with q, approve → POST /{id}/approve, export → GET /export as
/// CSV). An entity no use case creates or changes is read-only; plain CRUD only where the use cases are CRUD.
/// </summary>
internal static partial class OpenApiWriter
{
    // The create's id says the action on what it acts on: "reserve books" creating a reservation is reserveBook, not
    // reserveReservation, and "reserve a reservation" is said as creating one (createReservation).
    private static string CreateOperationId(UseCase create, EntityInfo entity, string name, ReadingLexicon lexicon)
    {
        var record = lexicon.RecordOf(create.Action, create.Object);
        var apart = record is not null && !record.Equals(create.Action, StringComparison.OrdinalIgnoreCase);
        var verb = apart && lexicon.RecordOf(create.Action) is { } made && made.Equals(Inflection.Singular(create.Object), StringComparison.OrdinalIgnoreCase) ? "create" : Camel(create.Action);
        var thing = create.Object.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() is { } last ? DomainEntities.Snake(Inflection.Singular(last)) : "";
        return verb + (apart && DomainEntities.Snake(record!) == entity.Name && thing.Length > 0 && thing != entity.Name ? Pascal(thing) : name);
    }

    /// <summary>Adds the entity's operations; says whether a create and an update operation take request bodies.</summary>
    private static (bool Creates, bool Updates) AddUseCasePaths(Dictionary<string, object> paths, EntityInfo entity, string name, IReadOnlyList<UseCase> useCases, IReadOnlyList<PreCheck> checks, IReadOnlyCollection<string> fromCaller)
    {
        var lexicon = ReadingLexicon.Default;
        var tag = new[] { entity.Resource };
        var tables = new[] { entity.Table };
        var collection = $"/v1/{entity.Resource}";
        // "reply in a thread", "comment on a post", "apply for a job": the use case adds a record inside this resource.
        var children = useCases.Select(u => (UseCase: u, Record: ChildRecord(u.Action, lexicon))).Where(c => c.Record is not null).ToList();
        useCases = [.. useCases.Where(u => children.All(c => c.UseCase != u))];
        // A verb of no known kind ("screen", "scan", "sign off") is something done to the resource: an action on it.
        var byKind = useCases.GroupBy(u => lexicon.OperationKind(u) ?? "transition").ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        string Summary(string kind, string fallback) => byKind.TryGetValue(kind, out var list) ? string.Join("; ", list.Select(u => $"{u.Id}: {u.Actor} {u.Action} {u.Object}")) : fallback;

        var collectionItem = new Dictionary<string, object>();
        var searching = byKind.ContainsKey("search");
        collectionItem["get"] = new Dictionary<string, object>
        {
            ["operationId"] = (searching ? "search" : "list") + Pascal(entity.Table),
            ["x-tables"] = tables,
            ["x-use-cases"] = UseCaseIds(byKind, "search", "read"),
            ["summary"] = Summary(searching ? "search" : "read", $"List {Words(entity.Table)} (cursor-paginated)"),
            ["tags"] = tag,
            ["parameters"] = (searching ? new object[] { SearchParameter() } : [])
                .Concat(ParentFilters(entity)).Concat([Ref("#/components/parameters/Limit"), Ref("#/components/parameters/Cursor")]).ToArray(),
            ["responses"] = Responses(("200", Json($"#/components/schemas/{name}Page", "A page of results.")), "400", "401", "403", "429"),
        };

        if (byKind.TryGetValue("create", out var creates))
        {
            collectionItem["post"] = new Dictionary<string, object>
            {
                ["operationId"] = CreateOperationId(creates[0], entity, name, lexicon),
                ["x-tables"] = tables,
                ["x-use-cases"] = creates.Select(u => u.Id).ToArray(),
                ["summary"] = Summary("create", $"Create a {Words(entity.Name)}"),
                ["tags"] = tag,
                ["parameters"] = new[] { Ref("#/components/parameters/IdempotencyKey") },
                ["requestBody"] = Body($"#/components/schemas/{name}Create", Example(entity, full: false, fromCaller)),
                ["responses"] = Responses(("201", Json($"#/components/schemas/{name}", "Created.")), "400", "401", "403", "409", "429"),
            };
            Guard((Dictionary<string, object>)collectionItem["post"], creates, checks, Words(entity.Name));
        }

        paths[collection] = collectionItem;

        var item = ItemPath(entity, name);
        if (byKind.TryGetValue("update", out var updates) && Updatable(entity))
        {
            item["patch"] = new Dictionary<string, object>
            {
                ["operationId"] = Camel(updates[0].Action) + name,
                ["x-tables"] = tables,
                ["x-use-cases"] = updates.Select(u => u.Id).ToArray(),
                ["summary"] = Summary("update", $"Update a {Words(entity.Name)}"),
                ["tags"] = tag,
                ["requestBody"] = Body($"#/components/schemas/{name}Update", UpdateExample(entity)),
                ["responses"] = Responses(("200", Json($"#/components/schemas/{name}", "Updated.")), "400", "401", "403", "404", "409", "429"),
            };
        }

        if (byKind.TryGetValue("delete", out var deletes) && !AppendOnlyRecords.IsAppendOnly(entity.Table))
        {
            item["delete"] = new Dictionary<string, object>
            {
                ["operationId"] = Camel(deletes[0].Action) + name,
                ["x-tables"] = tables,
                ["x-use-cases"] = deletes.Select(u => u.Id).ToArray(),
                ["summary"] = Summary("delete", $"Delete a {Words(entity.Name)}"),
                ["tags"] = tag,
                ["responses"] = Responses(("204", new Dictionary<string, object> { ["description"] = "Deleted." }), "401", "403", "404", "429"),
            };
        }

        paths[collection + "/{id}"] = item;

        // State transitions are actions on the resource; the server checks the current state (409 otherwise).
        foreach (var transition in byKind.GetValueOrDefault("transition", []).GroupBy(u => u.Action))
        {
            var verb = Kebab(transition.Key);
            var post = new Dictionary<string, object>
            {
                ["operationId"] = Camel(transition.Key) + name,
                ["x-tables"] = tables,
                ["x-use-cases"] = transition.Select(u => u.Id).ToArray(),
                ["summary"] = string.Join("; ", transition.Select(u => $"{u.Id}: {u.Actor} {u.Action} {u.Object}")),
                ["tags"] = tag,
                ["parameters"] = new[] { Ref("#/components/parameters/IdempotencyKey") },
                ["requestBody"] = Body("#/components/schemas/ActionRequest", new Dictionary<string, object> { ["reason"] = $"{transition.First().Actor} {transition.Key}" }),
                ["responses"] = Responses(("200", Json($"#/components/schemas/{name}", "The resource in its new state.")), "400", "401", "403", "404", "409", "429"),
            };
            Guard(post, transition, checks, Words(entity.Name));
            paths[$"{collection}/{{id}}/{verb}"] = new Dictionary<string, object>
            {
                ["parameters"] = new[] { Ref("#/components/parameters/Id") },
                ["post"] = post,
            };
        }

        foreach (var child in children.GroupBy(c => c.Record!))
        {
            var records = Kebab(Inflection.Plural(child.Key));
            paths[$"{collection}/{{id}}/{records}"] = new Dictionary<string, object>
            {
                ["parameters"] = new[] { Ref("#/components/parameters/Id") },
                ["post"] = new Dictionary<string, object>
                {
                    ["operationId"] = Camel(child.First().UseCase.Action.Split(' ')[0]) + name,
                    ["x-tables"] = tables,
                    ["x-use-cases"] = child.Select(c => c.UseCase.Id).ToArray(),
                    ["summary"] = string.Join("; ", child.Select(c => $"{c.UseCase.Id}: {c.UseCase.Actor} {c.UseCase.Action} {c.UseCase.Object}")),
                    ["tags"] = tag,
                    ["parameters"] = new[] { Ref("#/components/parameters/IdempotencyKey") },
                    ["requestBody"] = Body("#/components/schemas/ChildRecordCreate", new Dictionary<string, object> { ["text"] = $"{child.First().UseCase.Actor}'s {child.Key}" }),
                    ["responses"] = Responses(("201", Json("#/components/schemas/Resource", $"The new {child.Key}; its id, author and time are set by the server.")), "400", "401", "403", "404", "409", "429"),
                },
            };
        }

        var updatable = byKind.ContainsKey("update") && Updatable(entity);
        if (byKind.TryGetValue("export", out var exports))
        {
            paths[$"{collection}/export"] = new Dictionary<string, object>
            {
                ["get"] = new Dictionary<string, object>
                {
                    ["operationId"] = "export" + Pascal(entity.Table),
                    ["x-tables"] = tables,
                    ["x-use-cases"] = exports.Select(u => u.Id).ToArray(),
                    ["summary"] = Summary("export", $"Export {Words(entity.Table)}"),
                    ["tags"] = tag,
                    ["parameters"] = new object[]
                    {
                        new Dictionary<string, object> { ["name"] = "from", ["in"] = "query", ["required"] = false, ["schema"] = new Dictionary<string, object> { ["type"] = "string", ["format"] = "date" } },
                        new Dictionary<string, object> { ["name"] = "to", ["in"] = "query", ["required"] = false, ["schema"] = new Dictionary<string, object> { ["type"] = "string", ["format"] = "date" } },
                    },
                    ["responses"] = Responses(("200", new Dictionary<string, object>
                    {
                        ["description"] = "The export as CSV, streamed.",
                        ["content"] = new Dictionary<string, object> { ["text/csv"] = new Dictionary<string, object> { ["schema"] = new Dictionary<string, object> { ["type"] = "string" } } },
                    }), "400", "401", "403", "429"),
                },
            };
        }

        return (byKind.ContainsKey("create"), updatable);
    }

    // A record that belongs to another is listed within it ("messages of a channel"): its parent's id filters the list.
    private static IEnumerable<object> ParentFilters(EntityInfo entity) =>
        entity.Columns.Where(c => c.References is not null && !ServerOwnedFields.IsServerOwned(c.Name) && c.Name.EndsWith("_id", StringComparison.Ordinal))
            .Select(c => new Dictionary<string, object>
            {
                ["name"] = c.Name, ["in"] = "query", ["required"] = false,
                ["description"] = $"Only the {Words(entity.Table)} of this {Words(c.References!)}.",
                ["schema"] = new Dictionary<string, object> { ["type"] = "string", ["format"] = "uuid" },
            });

    /// <summary>
    /// Use cases on nothing the design stores as a table ("search everything", "view presence", "export the monthly
    /// CSV"): each still gets the operation its verb calls for, so no use case is left without one: a search across
    /// the stored records, a read of state the service computes or caches, an export, or an action.
    /// </summary>
    private static void AddUnmatchedPaths(Dictionary<string, object> paths, IReadOnlyList<EntityInfo> entities, IReadOnlyList<UseCase> useCases, string serviceComponent)
    {
        var lexicon = ReadingLexicon.Default;
        foreach (var group in useCases.GroupBy(u => (Kind: lexicon.OperationKind(u) ?? "transition", Object: DomainEntities.Snake(u.Object))))
        {
            var (kind, obj) = group.Key;
            if (obj.Length == 0 || !char.IsLetter(obj[0]))
            {
                continue;
            }

            var ids = group.Select(u => u.Id).ToArray();
            var summary = string.Join("; ", group.Select(u => $"{u.Id}: {u.Actor} {u.Action} {u.Object}"));
            var resource = obj.Replace('_', '-');
            var (path, method, operation) = kind switch
            {
                "search" => ("/v1/search", "get", new Dictionary<string, object>
                {
                    ["operationId"] = "search",
                    ["summary"] = summary + " (across the records the caller may read; each result names its type and id)",
                    ["parameters"] = new object[]
                    {
                        RequiredSearchParameter(),
                        new Dictionary<string, object>
                        {
                            ["name"] = "types", ["in"] = "query", ["required"] = false, ["description"] = "Kinds of record to search; all by default.",
                            ["schema"] = new Dictionary<string, object> { ["type"] = "array", ["items"] = new Dictionary<string, object> { ["type"] = "string", ["enum"] = entities.Select(e => e.Resource).ToArray() } },
                        },
                        Ref("#/components/parameters/Limit"), Ref("#/components/parameters/Cursor"),
                    },
                    ["responses"] = Responses(("200", Json("#/components/schemas/ResourcePage", "A page of results, best match first.")), "400", "401", "403", "429"),
                }),
                "export" => ($"/v1/exports/{resource}", "get", new Dictionary<string, object>
                {
                    ["operationId"] = "export" + Pascal(obj),
                    ["summary"] = summary,
                    ["responses"] = Responses(("200", new Dictionary<string, object>
                    {
                        ["description"] = "The export as CSV, streamed.",
                        ["content"] = new Dictionary<string, object> { ["text/csv"] = new Dictionary<string, object> { ["schema"] = new Dictionary<string, object> { ["type"] = "string" } } },
                    }), "400", "401", "403", "429"),
                }),
                "read" => ($"/v1/{resource}", "get", new Dictionary<string, object>
                {
                    ["operationId"] = "get" + Pascal(obj),
                    ["summary"] = summary + " (state the service computes or caches; nothing is stored for it)",
                    ["parameters"] = new object[] { Ref("#/components/parameters/Limit"), Ref("#/components/parameters/Cursor") },
                    ["responses"] = Responses(("200", Json("#/components/schemas/ResourcePage", "The current state.")), "400", "401", "403", "429"),
                }),
                _ => ($"/v1/{resource}/{Kebab(group.First().Action)}", "post", new Dictionary<string, object>
                {
                    ["operationId"] = Camel(group.First().Action) + Pascal(obj),
                    ["summary"] = summary,
                    ["parameters"] = new[] { Ref("#/components/parameters/IdempotencyKey") },
                    ["requestBody"] = Body("#/components/schemas/ActionRequest", new Dictionary<string, object> { ["reason"] = $"{group.First().Actor} {group.First().Action}" }),
                    ["responses"] = Responses(("202", Json("#/components/schemas/Resource", "Accepted; the result is processed by the server.")), "400", "401", "403", "409", "429"),
                }),
            };

            // A search reads the stored records; anything else here is answered by the service itself.
            if (kind == "search")
            {
                operation["x-tables"] = entities.Select(e => e.Table).ToArray();
            }
            else
            {
                operation["x-owner"] = serviceComponent;
            }

            operation["x-use-cases"] = ids;
            operation["tags"] = new[] { "operations" };
            var item = paths.TryGetValue(path, out var existing) ? (Dictionary<string, object>)existing : [];
            if (item.TryAdd(method, operation))
            {
                paths[path] = item;
            }
        }
    }

    /// <summary>The record a listed "verb + preposition" action adds inside its object ("reply in" → reply, "apply for" → application), or null.</summary>
    private static string? ChildRecord(string action, ReadingLexicon lexicon) =>
        lexicon.ChildRecordActions.Contains(action) ? lexicon.RecordOf(action) : null;

    private static string[] UseCaseIds(Dictionary<string, List<UseCase>> byKind, params string[] kinds) =>
        [.. kinds.SelectMany(k => byKind.GetValueOrDefault(k, [])).Select(u => u.Id)];

    private static Dictionary<string, object> RequiredSearchParameter()
    {
        var q = SearchParameter();
        q["required"] = true;
        return q;
    }

    private static Dictionary<string, object> SearchParameter() => new()
    {
        ["name"] = "q", ["in"] = "query", ["required"] = false, ["description"] = "Search terms.",
        ["schema"] = new Dictionary<string, object> { ["type"] = "string", ["maxLength"] = 200 },
    };

    private static string Camel(string action)
    {
        var words = action.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(words.Select((w, i) => i == 0 ? w.ToLowerInvariant() : char.ToUpperInvariant(w[0]) + w[1..]));
    }

    private static string Kebab(string action) => string.Join('-', action.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
