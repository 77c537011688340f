using System.Text.RegularExpressions;
using ArchitectAgents.Core.Gate;
using ArchitectAgents.Core.Knowledge;
using YamlDotNet.Serialization;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Writes an OpenAPI 3.1 contract for the chosen entities: bearer auth on every operation except the
/// explicitly public health probe, RFC 9457 problem responses, cursor pagination, request examples,
/// idempotency keys on creates, and 429 with Retry-After. Request schemas list only what a client may set (never a
/// field the server owns, <see cref="ServerOwnedFields"/>); append-only records get no PATCH or DELETE
/// (<see cref="AppendOnlyRecords"/>); every operation names the tables it touches (x-tables) or the component that
/// answers it (x-owner), so the gate can check the contract against the schema.
/// </summary>
internal static partial class OpenApiWriter
{
    private const string ProblemRef = "#/components/schemas/Problem";

    /// <summary>The job-queue capability's table: work handed to the queue with the change (capabilities.json).</summary>
    private const string OutboxTable = "jobs";

    public static string Write(string title, string description, IReadOnlyList<EntityInfo> entities, IEnumerable<Knowledge.RemedyOperation> extraOperations, string serviceComponent, IReadOnlyList<Document.UseCase>? useCases = null, bool idempotencyRequired = false, IReadOnlyList<PreCheck>? preChecks = null)
    {
        var paths = new Dictionary<string, object>
        {
            ["/health"] = new Dictionary<string, object>
            {
                ["get"] = new Dictionary<string, object>
                {
                    ["operationId"] = "getHealth",
                    ["summary"] = "Liveness probe (public)",
                    ["tags"] = new[] { "operations" },
                    ["security"] = Array.Empty<object>(),
                    ["x-owner"] = serviceComponent,
                    ["responses"] = new Dictionary<string, object> { ["200"] = new Dictionary<string, object> { ["description"] = "The service is up." } },
                },
            },
        };
        var schemas = new Dictionary<string, object>
        {
            ["Problem"] = new Dictionary<string, object>
            {
                ["type"] = "object",
                ["description"] = "RFC 9457 problem details; every error response uses it.",
                ["required"] = new[] { "type", "title", "status" },
                ["properties"] = new Dictionary<string, object>
                {
                    ["type"] = new Dictionary<string, object> { ["type"] = "string", ["format"] = "uri-reference" },
                    ["title"] = new Dictionary<string, object> { ["type"] = "string" },
                    ["status"] = new Dictionary<string, object> { ["type"] = "integer", ["format"] = "int32" },
                    ["detail"] = new Dictionary<string, object> { ["type"] = "string" },
                    ["instance"] = new Dictionary<string, object> { ["type"] = "string" },
                    ["errors"] = new Dictionary<string, object>
                    {
                        ["type"] = "object",
                        ["description"] = "Validation errors by field.",
                        ["additionalProperties"] = new Dictionary<string, object> { ["type"] = "array", ["items"] = new Dictionary<string, object> { ["type"] = "string" } },
                    },
                },
            },
            ["Resource"] = new Dictionary<string, object>
            {
                ["type"] = "object",
                ["description"] = "Generic resource representation for operational endpoints.",
                ["additionalProperties"] = true,
            },
            ["ResourcePage"] = PageSchema("#/components/schemas/Resource"),
            ["ChildRecordCreate"] = new Dictionary<string, object>
            {
                ["type"] = "object",
                ["description"] = "A record added inside a resource (a reply, a comment, an application): only what the caller writes; id, author, parent and time are the server's.",
                ["additionalProperties"] = false,
                ["properties"] = new Dictionary<string, object> { ["text"] = new Dictionary<string, object> { ["type"] = "string", ["maxLength"] = 10000 } },
            },
            ["ActionRequest"] = new Dictionary<string, object>
            {
                ["type"] = "object",
                ["description"] = "Body of an action request: only the caller's reason; the server fills in everything else.",
                ["additionalProperties"] = false,
                ["properties"] = new Dictionary<string, object> { ["reason"] = new Dictionary<string, object> { ["type"] = "string", ["maxLength"] = 500 } },
            },
        };

        foreach (var entity in entities.Where(e => !e.ServerOnly))
        {
            var name = Pascal(entity.Name);
            schemas[name] = EntitySchema(entity, full: true);
            schemas[name + "Page"] = PageSchema($"#/components/schemas/{name}");
            var (creates, updates) = (true, Updatable(entity));
            if (entity.MemberOf is not null)
            {
                // A group's members are read and written under the group (AddMembershipPaths).
                continue;
            }

            var fromCaller = CallerOwned(entity, useCases, entities);

            // Without use cases (a brief that only lists nouns) the contract cannot know the operations: plain CRUD.
            if (useCases is null || useCases.Count == 0)
            {
                AddEntityPaths(paths, entity, name);
            }
            else
            {
                // Designed from the requirements model: only the operations the use cases call for (read-only without any).
                // A team's check that runs inside another use case's operation (a fraud screen before release) gets no call of its own.
                var checks = preChecks ?? [];
                var own = useCases.Where(u => u.Actor != "System" && DomainEntities.OperatedOn(u, entities) == entity && !checks.Any(c => !c.ByPerson && c.Check == u)).ToList();
                if (entities.FirstOrDefault(e => e.MemberOf == entity.Name) is { } members)
                {
                    var joins = own.Where(u => Requirements.ReadingLexicon.Default.RecordOf(u.Action, u.Object) == "membership" || u.Action is "leave").ToList();
                    AddMembershipPaths(paths, entity, members, joins);
                    own.RemoveAll(joins.Contains);
                }

                (creates, updates) = AddUseCasePaths(paths, entity, name, own, checks, fromCaller);
            }

            // Request schemas exist only for the operations that take them.
            if (creates)
            {
                schemas[name + "Create"] = EntitySchema(entity, full: false, fromCaller);
            }

            if (updates)
            {
                schemas[name + "Update"] = UpdateSchema(entity, MovedTo(entity, useCases, entities));
            }
        }

        if (useCases is { Count: > 0 })
        {
            var unmatched = useCases.Where(u => u.Actor != "System" && DomainEntities.Of(u, entities) is null).ToList();
            var answered = AddViewPaths(paths, entities, unmatched);
            AddUnmatchedPaths(paths, entities, [.. unmatched.Except(answered)], serviceComponent);
        }

        foreach (var op in extraOperations)
        {
            AddExtraOperation(paths, schemas, entities, op);
        }

        MergeActRecords(paths);

        var document = new Dictionary<string, object>
        {
            ["openapi"] = "3.1.0",
            ["info"] = new Dictionary<string, object>
            {
                ["title"] = title,
                ["version"] = "1.0.0",
                ["description"] = description,
            },
            ["servers"] = new[] { new Dictionary<string, object> { ["url"] = "https://api.example.com", ["description"] = "Production (placeholder host)" } },
            ["security"] = new[] { new Dictionary<string, object> { ["bearerAuth"] = Array.Empty<string>() } },
            ["tags"] = entities.Select(e => new Dictionary<string, object> { ["name"] = e.Resource }).Prepend(new Dictionary<string, object> { ["name"] = "operations" }).ToArray(),
            ["paths"] = paths,
            ["components"] = new Dictionary<string, object>
            {
                ["securitySchemes"] = new Dictionary<string, object>
                {
                    ["bearerAuth"] = new Dictionary<string, object>
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "OpenID Connect access token from the identity provider.",
                    },
                },
                ["parameters"] = new Dictionary<string, object>
                {
                    ["Limit"] = new Dictionary<string, object>
                    {
                        ["name"] = "limit", ["in"] = "query", ["required"] = false, ["description"] = "Page size (1–100).",
                        ["schema"] = new Dictionary<string, object> { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 100, ["default"] = 20 },
                    },
                    ["Cursor"] = new Dictionary<string, object>
                    {
                        ["name"] = "cursor", ["in"] = "query", ["required"] = false, ["description"] = "Opaque cursor from the previous page's nextCursor.",
                        ["schema"] = new Dictionary<string, object> { ["type"] = "string" },
                    },
                    ["Id"] = new Dictionary<string, object>
                    {
                        ["name"] = "id", ["in"] = "path", ["required"] = true,
                        ["schema"] = new Dictionary<string, object> { ["type"] = "string", ["format"] = "uuid" },
                    },
                    ["IdempotencyKey"] = new Dictionary<string, object>
                    {
                        // Required where the design keeps idempotency keys (money, bookings, orders): a retry must never act twice.
                        ["name"] = "Idempotency-Key", ["in"] = "header", ["required"] = idempotencyRequired,
                        ["description"] = idempotencyRequired
                            ? "Required: repeating a create with the same key returns the stored first result (idempotency_keys) instead of acting twice; the same key with a different body is refused."
                            : "Repeating a create with the same key returns the first result instead of creating twice.",
                        ["schema"] = new Dictionary<string, object> { ["type"] = "string", ["maxLength"] = 128 },
                    },
                },
                ["responses"] = new Dictionary<string, object>
                {
                    ["BadRequest"] = ProblemResponse("The request is malformed or fails validation."),
                    ["Unauthorized"] = ProblemResponse("Missing or invalid access token."),
                    ["Forbidden"] = ProblemResponse("The caller may not access this resource."),
                    ["NotFound"] = ProblemResponse("No such resource (or not visible to the caller)."),
                    ["Conflict"] = ProblemResponse("The request conflicts with the current state."),
                    ["TooManyRequests"] = new Dictionary<string, object>
                    {
                        ["description"] = "Rate limit exceeded; retry after the given number of seconds.",
                        ["headers"] = new Dictionary<string, object>
                        {
                            ["Retry-After"] = new Dictionary<string, object> { ["schema"] = new Dictionary<string, object> { ["type"] = "integer" } },
                        },
                        ["content"] = new Dictionary<string, object> { ["application/problem+json"] = new Dictionary<string, object> { ["schema"] = Ref(ProblemRef) } },
                    },
                },
                ["schemas"] = schemas,
            },
        };

        if (idempotencyRequired)
        {
            RecordIdempotencyKeys(paths);
        }

        if (entities.Any(e => e.ServerOnly && e.Table == OutboxTable))
        {
            RecordOutboxJobs(paths);
        }

        return new SerializerBuilder().WithQuotingNecessaryStrings().DisableAliases().Build().Serialize(document);
    }

    // An operation that takes the required Idempotency-Key writes its outcome to idempotency_keys with the change.
    private static void RecordIdempotencyKeys(Dictionary<string, object> paths)
    {
        foreach (var op in paths.Values.OfType<Dictionary<string, object>>().SelectMany(p => p.Values.OfType<Dictionary<string, object>>()))
        {
            var takesKey = op.TryGetValue("parameters", out var ps) && ps is System.Collections.IEnumerable list
                && list.OfType<Dictionary<string, object>>().Any(p => p.TryGetValue("$ref", out var r) && Equals(r, "#/components/parameters/IdempotencyKey"));
            if (takesKey)
            {
                var tables = op.TryGetValue("x-tables", out var t) && t is IEnumerable<string> existing ? existing : [];
                op["x-tables"] = tables.Append("idempotency_keys").Distinct(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>
    /// The writes that hand work to the queue record it in the outbox in the same transaction: those that take an
    /// Idempotency-Key (they move money, book or order, and notify or call a provider after) and batch replays (their
    /// outcomes go on to the system of record); with neither, every create does.
    /// </summary>
    private static void RecordOutboxJobs(Dictionary<string, object> paths)
    {
        var writes = paths.Values.OfType<Dictionary<string, object>>()
            .SelectMany(p => p.Where(m => m.Key is "post" or "patch" or "put").Select(m => m.Value).OfType<Dictionary<string, object>>())
            .Where(op => op.ContainsKey("x-tables") && !op.ContainsKey("x-owner")).ToList();
        var handing = writes.Where(op => Tables(op).Contains("idempotency_keys") || Tables(op).Contains(OutboxTable)).ToList();
        foreach (var op in handing.Count > 0 ? handing : writes.Where(op => op.ContainsKey("requestBody")))
        {
            op["x-tables"] = Tables(op).Append(OutboxTable).Distinct(StringComparer.Ordinal).ToList();
        }

        static IEnumerable<string> Tables(Dictionary<string, object> op) => op["x-tables"] is IEnumerable<string> t ? t : [];
    }

    private static void AddEntityPaths(Dictionary<string, object> paths, EntityInfo entity, string name)
    {
        var tag = new[] { entity.Resource };
        var tables = new[] { entity.Table };
        var collection = $"/v1/{entity.Resource}";
        paths[collection] = new Dictionary<string, object>
        {
            ["get"] = new Dictionary<string, object>
            {
                ["operationId"] = "list" + Pascal(entity.Table),
                ["x-tables"] = tables,
                ["summary"] = $"List {Words(entity.Table)} (cursor-paginated)",
                ["tags"] = tag,
                ["parameters"] = new[] { Ref("#/components/parameters/Limit"), Ref("#/components/parameters/Cursor") },
                ["responses"] = Responses(("200", Json($"#/components/schemas/{name}Page", "A page of results.")), "400", "401", "403", "429"),
            },
            ["post"] = new Dictionary<string, object>
            {
                ["operationId"] = "create" + name,
                ["x-tables"] = tables,
                ["summary"] = $"Create a {Words(entity.Name)}",
                ["tags"] = tag,
                ["parameters"] = new[] { Ref("#/components/parameters/IdempotencyKey") },
                ["requestBody"] = Body($"#/components/schemas/{name}Create", Example(entity, full: false)),
                ["responses"] = Responses(("201", Json($"#/components/schemas/{name}", "Created.")), "400", "401", "403", "409", "429"),
            },
        };
        var item = ItemPath(entity, name);
        if (Updatable(entity))
        {
            item["patch"] = new Dictionary<string, object>
            {
                ["operationId"] = "update" + name,
                ["x-tables"] = tables,
                ["summary"] = $"Update a {Words(entity.Name)}",
                ["tags"] = tag,
                ["requestBody"] = Body($"#/components/schemas/{name}Update", UpdateExample(entity)),
                ["responses"] = Responses(("200", Json($"#/components/schemas/{name}", "Updated.")), "400", "401", "403", "404", "409", "429"),
            };
        }

        // Facts once written (payments, ledgers, audit trails) are corrected by a new record, never deleted.
        if (!AppendOnlyRecords.IsAppendOnly(entity.Table))
        {
            item["delete"] = new Dictionary<string, object>
            {
                ["operationId"] = "delete" + name,
                ["x-tables"] = tables,
                ["summary"] = $"Delete a {Words(entity.Name)}",
                ["tags"] = tag,
                ["responses"] = Responses(("204", new Dictionary<string, object> { ["description"] = "Deleted." }), "401", "403", "404", "429"),
            };
        }

        paths[collection + "/{id}"] = item;
    }

    /// <summary>The item path with its GET; callers add PATCH, DELETE as the entity allows.</summary>
    private static Dictionary<string, object> ItemPath(EntityInfo entity, string name) => new()
    {
        ["parameters"] = new[] { Ref("#/components/parameters/Id") },
        ["get"] = new Dictionary<string, object>
        {
            ["operationId"] = "get" + name,
            ["x-tables"] = new[] { entity.Table },
            ["summary"] = $"Get a {Words(entity.Name)}",
            ["tags"] = new[] { entity.Resource },
            ["responses"] = Responses(("200", Json($"#/components/schemas/{name}", "The resource.")), "401", "403", "404", "429"),
        },
    };

    /// <summary>An entity takes PATCH when it is not append-only and a client may set at least one of its fields.</summary>
    private static bool Updatable(EntityInfo entity) => !AppendOnlyRecords.IsAppendOnly(entity.Table) && UpdateColumns(entity).Any();

    private static IEnumerable<EntityColumn> UpdateColumns(EntityInfo entity) =>
        entity.Columns.Where(c => c.References is null && !ServerOwnedFields.IsServerOwned(c.Name));

    /// <summary>
    /// The person a record is for, when everyone who creates it does so for themselves ("guests book", "borrowers
    /// reserve books"): the caller, taken from the token, never a request field (else a borrower could reserve for
    /// anyone). Staff acting on people ("the maître d' seats customers") and systems acting for them keep the field.
    /// </summary>
    private static List<string> CallerOwned(EntityInfo entity, IReadOnlyList<Document.UseCase>? useCases, IReadOnlyList<EntityInfo> entities)
    {
        var lexicon = Requirements.ReadingLexicon.Default;
        var creates = (useCases ?? []).Where(u => DomainEntities.OperatedOn(u, entities) == entity && lexicon.OperationKind(u) == "create").ToList();
        bool ForThemselves(Document.UseCase u)
        {
            var actorHead = Requirements.Inflection.Singular(u.Actor.Split(' ')[^1].ToLowerInvariant());
            var objectHead = Requirements.Inflection.Singular(u.Object.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant() ?? "");
            return u.Actor != "System" && !lexicon.SystemActorHeads.Contains(actorHead) && !u.Actor.Skip(1).Any(char.IsUpper) && !lexicon.ActorNouns.Contains(objectHead);
        }

        return creates.Count > 0 && creates.All(ForThemselves)
            ? [.. entity.Columns.Where(c => c.References == "user" && c.Name == "user_id").Select(c => c.Name)]
            : [];
    }

    /// <summary>The columns a create request may carry: not the server's own, nor those taken from the caller (<paramref name="fromCaller"/>).</summary>
    private static IEnumerable<EntityColumn> CreateColumns(EntityInfo entity, IReadOnlyCollection<string>? fromCaller = null)
    {
        // A payment of something priced (a deposit, an invoice, a booking, an order) takes its amount from that record:
        // the server sets it, so a client cannot pay less than it owes. A refund's amount may be partial: staff choose it.
        var kinds = EntityKindCatalog.Default;
        var ofCharge = entity.Columns.Any(c => c.References is { } r && r != entity.Name && r != "user"
            && (kinds.Of(r)?.Id == "charge" || kinds.Of(entity.Name)?.Id == "charge" && entity.Name != "refund" && kinds.Of(r)?.Id is not "person"));
        return entity.Columns.Where(c => !ServerOwnedFields.IsServerOwned(c.Name) && !(ofCharge && c.Name is "amount" or "amount_cents" or "currency") && fromCaller?.Contains(c.Name) != true);
    }

    private static void AddExtraOperation(Dictionary<string, object> paths, Dictionary<string, object> schemas, IReadOnlyList<EntityInfo> entities, Knowledge.RemedyOperation op)
    {
        var method = op.Method.ToLowerInvariant();
        if (!paths.TryGetValue(op.Path, out var existing))
        {
            existing = new Dictionary<string, object>();
            paths[op.Path] = existing;
        }

        var item = (Dictionary<string, object>)existing;
        if (item.ContainsKey(method))
        {
            return;
        }

        var parameters = PathParam().Matches(op.Path).Select(m => (object)new Dictionary<string, object>
        {
            ["name"] = m.Groups[1].Value, ["in"] = "path", ["required"] = true, ["schema"] = new Dictionary<string, object> { ["type"] = "string" },
        }).ToList();
        if (op.List)
        {
            parameters.Add(Ref("#/components/parameters/Limit"));
            parameters.Add(Ref("#/components/parameters/Cursor"));
        }

        var operation = new Dictionary<string, object>
        {
            ["operationId"] = method + Pascal(NonWord().Replace(op.Path.Replace("/v1/", "", StringComparison.Ordinal), "_")),
            ["summary"] = op.Summary,
            ["tags"] = new[] { "operations" },
        };
        if (op.UseCases.Count > 0)
        {
            operation["x-use-cases"] = op.UseCases;
        }

        if (op.Tables.Count > 0)
        {
            operation["x-tables"] = op.Tables;
        }
        else if (op.Owner.Length > 0)
        {
            operation["x-owner"] = op.Owner;
        }

        if (op.Public)
        {
            // Called by a third party (a provider's webhook) that proves itself with its signature, not a user token.
            operation["security"] = Array.Empty<object>();
        }

        if (op.Idempotent && method == "post")
        {
            // A retried checkout or hold must not open a second session or take a second seat.
            parameters.Add(Ref("#/components/parameters/IdempotencyKey"));
        }

        if (op.Conditional)
        {
            // A cached public read is revalidated, not refetched: the CDN and clients send the validators back.
            operation["x-published"] = true;
            parameters.Add(Header("If-None-Match", "The ETag of the copy the caller holds; 304 when it is still current."));
            parameters.Add(Header("If-Modified-Since", "The Last-Modified time of the copy the caller holds; 304 when nothing changed since."));
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (method is "post" or "put" or "patch" && op.Body.Count > 0)
        {
            var schemaName = Pascal(((string)operation["operationId"]).Replace('-', '_')) + "Request";
            schemas[schemaName] = new Dictionary<string, object>
            {
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["required"] = op.Body.Where(c => !c.Nullable).Select(c => c.Name).ToArray(),
                ["properties"] = op.Body.ToDictionary(c => c.Name, c => (object)BodyFieldSchema(c, op.Body, entities, schemas)),
            };
            operation["requestBody"] = Body($"#/components/schemas/{schemaName}", op.Body.ToDictionary(c => c.Name, c => BodyFieldExample(c, op.Body, entities)));
        }
        else if (method is "post" or "put" or "patch" && !op.NoBody)
        {
            operation["requestBody"] = Body("#/components/schemas/ActionRequest", new Dictionary<string, object> { ["reason"] = op.Reason ?? op.Summary });
        }

        // An operation on one of the design's own tables answers with that record and says when the state forbids it (409).
        var record = entities.FirstOrDefault(e => op.Tables.Count > 0 && e.Table == op.Tables[0]);
        var batch = record is not null && op.Body.Any(c => c.Items == record.Table);
        if (batch && entities.Any(e => e.ServerOnly && e.Table == OutboxTable))
        {
            // A replayed batch hands its outcomes on (to the system of record) through the outbox, in the same transaction.
            operation["x-tables"] = op.Tables.Append(OutboxTable).ToList();
        }

        // A new row under its own collection ("/casebooks/{id}/signatures" writing signatures) is created (201).
        var last = op.Path.Split('/')[^1];
        var creates = record is not null && !last.Contains('{', StringComparison.Ordinal) && (record.Resource == last || record.Resource.EndsWith("-" + last, StringComparison.Ordinal));
        operation["responses"] = method switch
        {
            // What the operation hands back when it is not the record (a signed URL and its expiry).
            _ when op.Returns.Count > 0 => Responses(("200", Json(ReturnsSchema(operation, op, schemas), "What the operation returns.")), "400", "401", "403", "404", "409", "429"),
            // A batch in gets one outcome per element out, in the order sent (applied, conflict or rejected).
            "post" when batch => Responses(("200", Json(BatchResultSchema(record!, schemas), $"One {Words(record!.Name)} per element sent, in order, each with its outcome.")), "400", "401", "403", "409", "429"),
            "post" when creates => Responses(("201", Json($"#/components/schemas/{Pascal(record!.Name)}", $"The new {Words(record.Name)}.")), "400", "401", "403", "404", "409", "429"),
            "post" when record is not null => Responses(("200", Json($"#/components/schemas/{Pascal(record.Name)}", $"The {Words(record.Name)} in its new state.")), "400", "401", "403", "404", "409", "429"),
            "get" when op.Conditional => Cached(record is null ? "#/components/schemas/Resource" : $"#/components/schemas/{Pascal(record.Name)}"),
            "delete" => Responses(("204", new Dictionary<string, object> { ["description"] = "Done." }), "401", "403", "404", "429"),
            "post" => Responses(("202", Json("#/components/schemas/Resource", "Accepted for processing.")), "400", "401", "403", "429"),
            _ => Responses(("200", Json(op.List ? "#/components/schemas/ResourcePage" : "#/components/schemas/Resource", "OK.")), "400", "401", "403", "429"),
        };
        item[method] = operation;
    }

    private static Dictionary<string, object> Header(string name, string description) => new()
    {
        ["name"] = name, ["in"] = "header", ["required"] = false, ["description"] = description, ["schema"] = new Dictionary<string, object> { ["type"] = "string" },
    };

    /// <summary>The answers of a public, CDN-cached read: the object with its validators and cache lifetime, or 304 without a body.</summary>
    private static Dictionary<string, object> Cached(string schemaRef)
    {
        var ok = Json(schemaRef, "The published object, as the CDN caches it.");
        ok["headers"] = new Dictionary<string, object>
        {
            ["ETag"] = new Dictionary<string, object> { ["description"] = "Validator of this version; changes when it is regenerated.", ["schema"] = new Dictionary<string, object> { ["type"] = "string" } },
            ["Last-Modified"] = new Dictionary<string, object> { ["description"] = "When this version was generated.", ["schema"] = new Dictionary<string, object> { ["type"] = "string" } },
            ["Cache-Control"] = new Dictionary<string, object> { ["description"] = "public, with a max-age for clients and a longer s-maxage for the CDN, which is purged on publish.", ["schema"] = new Dictionary<string, object> { ["type"] = "string" } },
        };
        var responses = Responses(("200", ok), "404", "429");
        responses["304"] = new Dictionary<string, object> { ["description"] = "Not modified: the caller's copy is current, so no body is sent." };
        return responses;
    }

    private static string ReturnsSchema(Dictionary<string, object> operation, Knowledge.RemedyOperation op, Dictionary<string, object> schemas)
    {
        var name = Pascal(((string)operation["operationId"]).Replace('-', '_')) + "Response";
        schemas[name] = new Dictionary<string, object>
        {
            ["type"] = "object",
            ["required"] = op.Returns.Where(c => !c.Nullable).Select(c => c.Name).ToArray(),
            ["properties"] = op.Returns.ToDictionary(c => c.Name, c => (object)BodyFieldSchema(c, [], [], schemas)),
        };
        return $"#/components/schemas/{name}";
    }

    /// <summary>A batch field lists the records a client writes, without what the batch itself carries or the server sets.</summary>
    private static Dictionary<string, object> BodyFieldSchema(EntityColumn field, IReadOnlyList<EntityColumn> body, IReadOnlyList<EntityInfo> entities, Dictionary<string, object> schemas)
    {
        if (BatchEntity(field, entities) is not { } entity)
        {
            var scalar = ColumnSchema(field);
            if (field.Description is { Length: > 0 } description)
            {
                scalar["description"] = description;
            }

            return scalar;
        }

        var name = Pascal(entity.Name) + "Input";
        var columns = BatchColumns(entity, body);
        schemas[name] = new Dictionary<string, object>
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = columns.Where(c => !c.Nullable).Select(c => c.Name).ToArray(),
            ["properties"] = columns.ToDictionary(c => c.Name, c => (object)ColumnSchema(c)),
        };
        var schema = new Dictionary<string, object> { ["type"] = "array", ["minItems"] = 1, ["items"] = Ref($"#/components/schemas/{name}") };
        if (field.MaxItems > 0)
        {
            schema["maxItems"] = field.MaxItems;
            schema["description"] = $"At most {field.MaxItems} per call; a longer backlog goes over several calls, oldest first.";
        }

        return schema;
    }

    private static object BodyFieldExample(EntityColumn field, IReadOnlyList<EntityColumn> body, IReadOnlyList<EntityInfo> entities) =>
        BatchEntity(field, entities) is { } entity
            ? new[] { BatchColumns(entity, body).ToDictionary(c => c.Name, c => ExampleValue(c)) }
            : ExampleValue(field);

    private static EntityInfo? BatchEntity(EntityColumn field, IReadOnlyList<EntityInfo> entities) =>
        field.Items is { } table ? entities.FirstOrDefault(e => e.Table == table) : null;

    /// <summary>What each element carries: the record's required fields a client sets, less those the batch states once (device_id).</summary>
    private static List<EntityColumn> BatchColumns(EntityInfo entity, IReadOnlyList<EntityColumn> body) =>
        [.. CreateColumns(entity).Where(c => !c.Nullable && string.IsNullOrWhiteSpace(c.Default) && body.All(b => b.Name != c.Name))];

    private static string BatchResultSchema(EntityInfo record, Dictionary<string, object> schemas)
    {
        var name = Pascal(record.Name) + "Results";
        schemas[name] = new Dictionary<string, object>
        {
            ["type"] = "object",
            ["required"] = new[] { "results" },
            ["properties"] = new Dictionary<string, object>
            {
                ["results"] = new Dictionary<string, object> { ["type"] = "array", ["items"] = Ref($"#/components/schemas/{Pascal(record.Name)}") },
            },
        };
        return $"#/components/schemas/{name}";
    }

    private static bool IsCredentialHash(string column) =>
        column is "password_hash" or "secret_hash" or "token_hash" or "api_key_hash" || column.EndsWith("_secret_hash", StringComparison.Ordinal);

    private static Dictionary<string, object> EntitySchema(EntityInfo entity, bool full, IReadOnlyCollection<string>? fromCaller = null)
    {
        var properties = new Dictionary<string, object>();
        var required = new List<string>();
        if (full)
        {
            properties["id"] = new Dictionary<string, object> { ["type"] = "string", ["format"] = "uuid", ["readOnly"] = true };
            required.Add("id");
        }

        // A credential's hash (a password's, a client secret's, a token's) stays in the database: no answer carries it.
        foreach (var column in (full ? entity.Columns : CreateColumns(entity, fromCaller)).Where(c => !IsCredentialHash(c.Name)))
        {
            var property = ColumnSchema(column);
            if (full && ServerOwnedFields.IsServerOwned(column.Name))
            {
                // Shown to clients, set by the server: generators leave readOnly properties out of requests.
                property["readOnly"] = true;
            }

            properties[column.Name] = property;
            if (!column.Nullable && (full || string.IsNullOrWhiteSpace(column.Default)))
            {
                required.Add(column.Name);
            }
        }

        if (full)
        {
            properties["created_at"] = new Dictionary<string, object> { ["type"] = "string", ["format"] = "date-time", ["readOnly"] = true };
            properties["updated_at"] = new Dictionary<string, object> { ["type"] = "string", ["format"] = "date-time", ["readOnly"] = true };
            required.Add("created_at");
            required.Add("updated_at");
        }

        var schema = new Dictionary<string, object> { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return schema;
    }

    private static Dictionary<string, object> UpdateSchema(EntityInfo entity, IReadOnlyCollection<string>? moved = null) => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["minProperties"] = 1,
        ["properties"] = UpdateColumns(entity).Concat(entity.Columns.Where(c => moved?.Contains(c.Name) == true)).ToDictionary(c => c.Name, c => (object)ColumnSchema(c)),
    };

    /// <summary>
    /// References an update use case moves the record along ("move bookings between rooms", "reassign tickets to
    /// another team"): the thing named right after the action is one the record references, so that reference is
    /// what the update changes. Other references stay fixed.
    /// </summary>
    private static List<string> MovedTo(EntityInfo entity, IReadOnlyList<Document.UseCase>? useCases, IReadOnlyList<EntityInfo> entities)
    {
        var lexicon = Requirements.ReadingLexicon.Default;
        var tails = (useCases ?? []).Where(u => DomainEntities.OperatedOn(u, entities) == entity && lexicon.OperationKind(u) == "update")
            .Select(u => u.Text.IndexOf(u.Action.Split(' ')[0], StringComparison.OrdinalIgnoreCase) is var at and >= 0
                ? string.Join(' ', u.Text[at..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6)).ToLowerInvariant() : "")
            .Where(t => t.Length > 0).ToList();
        // Only a thing it is moved to ("between rooms", "to another team"), not one it is done for ("for students").
        bool MovedAlong(string tail, string reference) => tail.Split(' ') is var words
            && words.Select((w, i) => (w, i)).Any(x => x.w is "between" or "to" or "into" or "onto" or "from" or "across"
                && words.Skip(x.i + 1).Take(3).Any(n => Requirements.Inflection.Singular(n.Trim(',', '.', ';')) == reference.Split('_')[^1]));
        return [.. entity.Columns.Where(c => c.References is { } r && r != "user" && r != entity.Name && tails.Any(t => MovedAlong(t, r))).Select(c => c.Name)];
    }

    private static Dictionary<string, object> PageSchema(string itemRef) => new()
    {
        ["type"] = "object",
        ["required"] = new[] { "items" },
        ["properties"] = new Dictionary<string, object>
        {
            ["items"] = new Dictionary<string, object> { ["type"] = "array", ["items"] = Ref(itemRef) },
            ["nextCursor"] = new Dictionary<string, object> { ["type"] = new[] { "string", "null" }, ["description"] = "Cursor for the next page; null on the last page." },
        },
    };

    private static Dictionary<string, object> ColumnSchema(EntityColumn column)
    {
        var type = column.Type.ToLowerInvariant();
        var schema = type switch
        {
            "uuid" => new Dictionary<string, object> { ["type"] = "string", ["format"] = "uuid" },
            "integer" or "smallint" => new Dictionary<string, object> { ["type"] = "integer", ["format"] = "int32" },
            "bigint" => new Dictionary<string, object> { ["type"] = "integer", ["format"] = "int64" },
            "boolean" => new Dictionary<string, object> { ["type"] = "boolean" },
            "timestamptz" or "timestamp" => new Dictionary<string, object> { ["type"] = "string", ["format"] = "date-time" },
            "date" => new Dictionary<string, object> { ["type"] = "string", ["format"] = "date" },
            "jsonb" or "json" => new Dictionary<string, object> { ["type"] = "object" },
            "double precision" or "real" => new Dictionary<string, object> { ["type"] = "number" },
            _ when type.StartsWith("numeric", StringComparison.Ordinal) => new Dictionary<string, object> { ["type"] = "string", ["pattern"] = @"^-?\d+(\.\d+)?$", ["description"] = "Decimal as a string to keep precision." },
            _ when type.EndsWith("[]", StringComparison.Ordinal) => new Dictionary<string, object> { ["type"] = "array", ["items"] = new Dictionary<string, object> { ["type"] = "string" } },
            _ => new Dictionary<string, object> { ["type"] = "string" },
        };
        if (column.Name == "email")
        {
            schema["format"] = "email";
        }

        if (EnumValues(column) is { Count: > 0 } values)
        {
            schema["enum"] = values;
        }

        if (type is "integer" or "smallint" or "bigint" && column.Check is { } check)
        {
            // The database's own bounds ("size_bytes <= 262144000", "party_size BETWEEN 1 AND 12") are the contract's, so a
            // client learns them before the insert fails.
            var name = System.Text.RegularExpressions.Regex.Escape(column.Name);
            if (System.Text.RegularExpressions.Regex.Match(check, $@"\b{name}\s+BETWEEN\s+(\d+)\s+AND\s+(\d+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } between)
            {
                schema["minimum"] = long.Parse(between.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                schema["maximum"] = long.Parse(between.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            foreach (System.Text.RegularExpressions.Match bound in System.Text.RegularExpressions.Regex.Matches(check, $@"\b{name}\s*(>=|>|<=|<)\s*(\d+)\b"))
            {
                var n = long.Parse(bound.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                switch (bound.Groups[1].Value)
                {
                    case ">=": schema["minimum"] = n; break;
                    case ">": schema["minimum"] = n + 1; break;
                    case "<=": schema["maximum"] = n; break;
                    default: schema["maximum"] = n - 1; break;
                }
            }
        }

        if (column.Nullable)
        {
            schema["type"] = new[] { (string)schema["type"], "null" };
        }

        return schema;
    }

    private static Dictionary<string, object> Example(EntityInfo entity, bool full, IReadOnlyCollection<string>? fromCaller = null) =>
        (full ? entity.Columns : CreateColumns(entity, fromCaller)).Where(c => full || !c.Nullable || c.References is null).Take(8).ToDictionary(c => c.Name, c => ExampleValue(c));

    private static Dictionary<string, object> UpdateExample(EntityInfo entity)
    {
        var column = UpdateColumns(entity).FirstOrDefault(c => EnumValues(c) is { Count: > 0 }) ?? UpdateColumns(entity).FirstOrDefault();
        return column is null ? new Dictionary<string, object> { ["note"] = "updated" } : new Dictionary<string, object> { [column.Name] = ExampleValue(column) };
    }

    private static object ExampleValue(EntityColumn column)
    {
        if (EnumValues(column) is { Count: > 0 } values)
        {
            return values[0];
        }

        var type = column.Type.ToLowerInvariant();
        return type switch
        {
            "uuid" => "3f0c7a52-8d2e-4b1a-9c55-2f7d0e6b1a90",
            "integer" or "smallint" or "bigint" => 1,
            "boolean" => true,
            // The end of a period is after its start, as the schema's check requires.
            "timestamptz" or "timestamp" => column.Name.StartsWith("ends", StringComparison.Ordinal) || column.Name.StartsWith("end_", StringComparison.Ordinal) ? "2026-12-03T10:00:00Z" : "2026-12-01T09:30:00Z",
            "date" => column.Name.StartsWith("end", StringComparison.Ordinal) ? "2026-12-03" : "2026-12-01",
            "jsonb" or "json" => new Dictionary<string, object>(),
            "double precision" or "real" => 4.5,
            _ when type.StartsWith("numeric", StringComparison.Ordinal) => "49.90",
            _ when type.StartsWith("char(3)", StringComparison.Ordinal) => "EUR",
            _ when type.EndsWith("[]", StringComparison.Ordinal) => new[] { "example" },
            _ when column.Name.Contains("email", StringComparison.Ordinal) => "ana@example.com",
            _ when column.Name.Contains("name", StringComparison.Ordinal) => "Ana Example",
            _ => "example " + column.Name.Replace('_', ' '),
        };
    }

    internal static List<string> EnumValues(EntityColumn column)
    {
        if (column.Check is null)
        {
            return [];
        }

        var match = InList().Match(column.Check);
        return match.Success && match.Groups["col"].Value == column.Name
            ? [.. Quoted().Matches(match.Groups["values"].Value).Select(m => m.Groups[1].Value)]
            : [];
    }

    private static Dictionary<string, object> Responses((string Code, Dictionary<string, object> Response) success, params string[] errors)
    {
        var responses = new Dictionary<string, object> { [success.Code] = success.Response };
        foreach (var code in errors)
        {
            responses[code] = Ref("#/components/responses/" + code switch
            {
                "400" => "BadRequest",
                "401" => "Unauthorized",
                "403" => "Forbidden",
                "404" => "NotFound",
                "409" => "Conflict",
                _ => "TooManyRequests",
            });
        }

        return responses;
    }

    private static Dictionary<string, object> Json(string schemaRef, string description) => new()
    {
        ["description"] = description,
        ["content"] = new Dictionary<string, object> { ["application/json"] = new Dictionary<string, object> { ["schema"] = Ref(schemaRef) } },
    };

    private static Dictionary<string, object> Body(string schemaRef, object example) => new()
    {
        ["required"] = true,
        ["content"] = new Dictionary<string, object>
        {
            ["application/json"] = new Dictionary<string, object> { ["schema"] = Ref(schemaRef), ["example"] = example },
        },
    };

    private static Dictionary<string, object> ProblemResponse(string description) => new()
    {
        ["description"] = description,
        ["content"] = new Dictionary<string, object> { ["application/problem+json"] = new Dictionary<string, object> { ["schema"] = Ref(ProblemRef) } },
    };

    private static Dictionary<string, object> Ref(string target) => new() { ["$ref"] = target };

    private static string Pascal(string snake) =>
        string.Concat(snake.Split('_', '-', ' ').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static string Words(string snake) => snake.Replace('_', ' ');

    [GeneratedRegex(@"^\s*(?<col>\w+)\s+IN\s*\((?<values>[^)]*)\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex InList();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParam();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}
