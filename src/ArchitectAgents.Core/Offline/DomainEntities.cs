using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// The tables and API resources of the design, in the brief's own nouns: one per entity of the requirements model
/// (the knowledge base's columns where it knows the entity, otherwise columns derived from the use cases: who
/// creates it, its lifecycle states from the transitions the brief names, who moved it and when). Falls back to
/// the keyword-matched knowledge-base entities when the model has none (an unreadable language, no NLP library).
/// </summary>
internal static partial class DomainEntities
{
    private const int MaxEntities = 14;

    public static List<EntityInfo> From(ContextSection context, KnowledgeBase kb)
    {
        var model = context.Requirements;
        if (model.Entities.Count == 0)
        {
            return [.. context.Entities.Select(kb.Entity).OfType<EntityInfo>()];
        }

        var lexicon = ReadingLexicon.Default;
        var names = model.Entities.Select(e => Snake(e.Name)).Where(n => n.Length > 1 && char.IsLetter(n[0])).Distinct().Take(MaxEntities).ToList();
        var kept = model.Entities.ToList();
        foreach (var extra in Unlisted(model, names, lexicon).Take(Math.Max(0, MaxEntities - names.Count)))
        {
            names.Add(Snake(extra.Name));
            kept.Add(extra);
        }

        // "Availability" is a question asked of the rooms, not a table: a period query on them answers it.
        names.RemoveAll(n => EntityKind.ViewOver(n, names, EntityKindCatalog.Default) is not null);

        var result = new List<EntityInfo>();
        foreach (var name in names)
        {
            var entity = kept.First(e => Snake(e.Name) == name);
            var known = kb.Entity(name) ?? kb.Entities.Entities.FirstOrDefault(k => k.Keywords.Contains(entity.Name, StringComparer.OrdinalIgnoreCase) && k.Name.Split('_').Length == name.Split('_').Length);
            result.Add(known is not null ? Grounded(Renamed(known, name), context) : Derived(entity, name, model, names, lexicon));
        }

        // People sign in (staff at least): their accounts are a table of their own, which the regime controls (consent, erasure) reference.
        if (result.All(e => e.Name != "user") && kb.Entity("user") is { } user)
        {
            result.Insert(0, Renamed(user, "user"));
        }

        // The foreign keys the brief's relations and the records' kinds call for; state that expires on its own gets no table.
        EntityRelations.Apply(result, model, EntityKindCatalog.Default);
        // Value moved ("send money to a phone number") is recorded with its amount, currency and destination.
        ValueRecords.Apply(result, model);

        // References the knowledge base requires but the model lacks are dropped, so every foreign key has its table.
        var present = result.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var entity in result)
        {
            entity.Columns = [.. entity.Columns.Where(c => c.References is null || present.Contains(c.References))];
            entity.Requires = [.. entity.Requires.Where(present.Contains)];
            entity.Indexes = [.. entity.Indexes.Where(ix => ix.All(col => entity.Columns.Any(c => c.Name == col) || col is "id" or "created_at" or "updated_at" or "tenant_id"))];
            entity.Unique = [.. entity.Unique.Where(ix => ix.All(col => entity.Columns.Any(c => c.Name == col) || col is "id" or "tenant_id"))];
        }

        return result;
    }

    // Things a person's use case creates or changes that the reader did not list as entities ("members join waiting
    // lists"): the system must keep them somewhere, so each gets a table named after the object's head words.
    // Reads, searches and exports produce nothing new to keep; actors and generic nouns are not records.
    private static IEnumerable<DomainEntity> Unlisted(RequirementsModel model, List<string> names, ReadingLexicon lexicon)
    {
        var seen = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var useCase in model.UseCases.Where(u => u.Actor != "System" && lexicon.OperationKind(u) is "create" or "update" or "transition" or "delete"))
        {
            // Value moved ("send money") is kept as the record of its movement (a transfer), not as a table of money.
            if (lexicon.IsValue(useCase.Object))
            {
                if (ValueRecords.NameOf(useCase, seen) is null && ValueRecords.NewName(useCase, lexicon) is { } movement && seen.Add(Snake(movement)))
                {
                    yield return new DomainEntity { Name = movement, Text = useCase.Text };
                }

                continue;
            }

            var phrase = useCase.Object.Split(" of ", 2)[0];
            var words = Snake(phrase).Split('_', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1 && char.IsLetter(w[0])).TakeLast(2).Select(Inflection.Singular).ToList();
            if (words.Count == 0 || lexicon.GenericNouns.Contains(words[^1]) || lexicon.Pronouns.Contains(words[^1]))
            {
                continue;
            }

            var name = string.Join('_', words);
            var covered = seen.Any(n => n.Split('_').All(w => words.Any(x => Same(x, w))));
            var isActor = model.Actors.Any(a => Inflection.Singular(Snake(a.Name).Split('_')[^1]) == words[^1]);
            if (!covered && !isActor && seen.Add(name))
            {
                yield return new DomainEntity { Name = name.Replace('_', ' '), Text = useCase.Text };
            }
        }
    }

    /// <summary>The entity a use case acts on, or null.</summary>
    public static EntityInfo? Of(UseCase useCase, IReadOnlyList<EntityInfo> entities)
    {
        var words = Snake(useCase.Object).Split('_');
        return entities.Where(e => e.Name.Split('_').All(w => words.Any(x => Same(x, w))))
            .OrderByDescending(e => e.Name.Length).FirstOrDefault()
            ?? ValueRecords.Of(useCase, entities);
    }

    /// <summary>
    /// The entity whose operation performs the use case: for a create whose action leaves a record of its own ("borrowers
    /// reserve books" → a reservation, "students join a waitlist" → a waitlist entry), that record, which references
    /// the thing acted on; creating the thing itself ("POST /books" to reserve one) would let the caller make books.
    /// Otherwise the entity the use case names.
    /// </summary>
    public static EntityInfo? OperatedOn(UseCase useCase, IReadOnlyList<EntityInfo> entities)
    {
        var named = Of(useCase, entities);
        var lexicon = ReadingLexicon.Default;
        // A record named like its verb ("post" a recipe, "comment on" a post) is the thing posted or a record inside
        // it, which its own operations already place; only a record the action names apart (a reservation) moves the create.
        if (named is null || lexicon.OperationKind(useCase) != "create" || lexicon.ChildRecordActions.Contains(useCase.Action)
            || lexicon.RecordOf(useCase.Action, useCase.Object) is not { } record || record.Equals(useCase.Action, StringComparison.OrdinalIgnoreCase))
        {
            return named;
        }

        var name = Snake(record);
        return name == named.Name ? named
            : entities.FirstOrDefault(e => e.Name == name && e.Columns.Any(c => c.References == named.Name))
                ?? entities.FirstOrDefault(e => e.Name.EndsWith("_" + name, StringComparison.Ordinal) && e.Columns.Any(c => c.References == named.Name))
                ?? named;
    }

    // One word of the brief's phrase against one word of an entity name, whatever the inflection the tagger's lemma
    // left ("lists" and "list"; "waiting" and "wait").
    private static bool Same(string phraseWord, string nameWord) =>
        phraseWord == nameWord || Inflection.Singular(phraseWord) == nameWord
        || nameWord.Length >= 4 && phraseWord.StartsWith(nameWord, StringComparison.Ordinal) && phraseWord.Length - nameWord.Length <= 3;

    // A knowledge-base entity is a template from some domain (an e-commerce customer has a shipping address, a product
    // a SKU): only the columns this brief gives reason for are kept, with the keys, references and the fields any
    // record of its kind carries. The brief's words are those of its requirements model and quoted requirements.
    private static EntityInfo Grounded(EntityInfo entity, ContextSection context)
    {
        var model = context.Requirements;
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in model.Nouns.Concat(context.FunctionalRequirements).Concat(context.Constraints)
            .Concat(model.Entities.SelectMany(e => e.Attributes.Append(e.Text).Concat(e.Facts)))
            .Concat(model.UseCases.Select(u => $"{u.Action} {u.Object} {u.Rule} {u.Text}"))
            .Concat(model.Constraints.Select(c => c.Text)).Concat(model.Figures.Select(f => $"{f.Quantity} {f.Unit} {f.Text}")))
        {
            foreach (var w in NonWord().Split(text.ToLowerInvariant()).Where(w => w.Length >= 3))
            {
                words.Add(Inflection.Singular(w));
            }
        }

        bool Named(string column) => column.Split('_').Where(w => w.Length >= 3).Any(w =>
            words.Contains(Inflection.Singular(w)) || words.Any(x => TraceWords.SameStem(x, w)));

        entity.Columns = [.. entity.Columns.Where(c => c.References is not null || KeptEverywhere.Contains(c.Name) || c.Name.EndsWith("_id", StringComparison.Ordinal) || Named(c.Name))];

        // A currency belongs beside money the record keeps: an e-commerce catalogue's currency is no library catalogue's.
        if (!entity.Columns.Any(c => MoneyWords.Any(w => c.Name.Contains(w, StringComparison.Ordinal))))
        {
            entity.Columns.RemoveAll(c => c.Name == "currency");
        }

        // So are its access patterns that name another domain's records ("look up a product by SKU" in a library,
        // "find a customer by email at checkout" in a transfer app): a pattern naming a thing the brief never names is dropped.
        var own = entity.Name.Split('_').ToHashSet(StringComparer.Ordinal);
        entity.AccessPatterns = [.. entity.AccessPatterns.Where(p => !TraceWords.Content(p).Any(w => !own.Contains(w) && TemplateNouns.Value.Contains(w)
            && !words.Contains(w) && !words.Any(x => TraceWords.SameStem(x, w))))];
        if (entity.Columns.FirstOrDefault(c => c.Name == "status") is { } status)
        {
            entity.Columns[entity.Columns.IndexOf(status)] = GroundedStatus(status, w => words.Contains(w) || words.Any(x => TraceWords.SameStem(x, w)), EntityKindCatalog.Default.Of(entity.Name)?.Lifecycle);
        }

        // What is left of a template is its domain's, not this brief's: the kind's columns are added where missing.
        WithKind(entity.Name, entity.Columns, entity.Indexes, entity.Unique, entity.AccessPatterns, template: true);

        return entity;
    }

    // A template's lifecycle is its domain's (an order is paid and shipped): the brief's own states are kept with the
    // initial one; with none of them in the brief, a record gets a neutral lifecycle (an account keeps active/suspended).
    private static EntityColumn GroundedStatus(EntityColumn status, Func<string, bool> inBrief, IReadOnlyList<string>? lifecycle)
    {
        var values = StatusValue().Matches(status.Check ?? "").Select(m => m.Groups[1].Value).ToList();
        if (values.Count < 2 || values.Contains("active"))
        {
            return status;
        }

        var grounded = values.Where((v, i) => i == 0 || v.Split('_').All(inBrief) || v == "cancelled").ToList();
        var kept = grounded.Count >= 3 ? grounded : lifecycle is { Count: >= 2 } own ? own : ["open", "in_progress", "done", "cancelled"];
        return new EntityColumn
        {
            Name = status.Name, Type = status.Type, Nullable = status.Nullable, References = status.References,
            Check = $"status IN ({string.Join(",", kept.Select(v => $"'{v}'"))})",
            Default = $"'{kept[0]}'",
        };
    }

    // Named but not described: the columns any record of its kind has (a booking's period, a room's capacity), instead
    // of a table of only an id and a name. Nothing changes for an entity with columns of its own.
    private static void WithKind(string name, List<EntityColumn> columns, List<List<string>> indexes, List<List<string>> unique, List<string> patterns, bool template = false)
    {
        if (!template && !columns.All(c => c.References is not null || c.Name.EndsWith("_id", StringComparison.Ordinal) || c.Name is "name" or "notes" or "status")
            || EntityKindCatalog.Default.Of(name, k => !k.RequiresParent) is not { } kind)
        {
            return;
        }

        // The placeholder name gives way to the kind's own naming column (a room's label, a person's display name);
        // a record of something that happens to someone (a loan, a booking: a person or a period) has no name at all.
        if (kind.Columns.Any(k => k.Name is "name" or "title" or "label" or "display_name" || k.References == "user" || k.Type == "timestamptz" && !k.Nullable && k.Default is null))
        {
            columns.RemoveAll(c => c.Name == "name");
        }

        // So does the placeholder notes to the kind's own text (an issue's description, a post's body).
        if (kind.Columns.Any(k => k.Name is "description" or "body"))
        {
            columns.RemoveAll(c => c.Name == "notes" && c.Nullable);
        }

        // The person a record is for is its creator when it has one ("members borrow tools": the loan's member).
        columns.AddRange(kind.Columns.Where(k => columns.All(c => c.Name != k.Name) && !(k.References == "user" && columns.Any(c => c.Name == "created_by"))).Select(k => new EntityColumn
        {
            Name = k.Name, Type = k.Type, Nullable = k.Nullable, Check = k.Check, Default = k.Default, References = k.References,
        }));
        indexes.AddRange(kind.Indexes.Where(i => i.All(col => columns.Any(c => c.Name == col) || col is "created_at")).Select(i => i.ToList()));
        unique.AddRange(kind.Unique.Select(u => u.ToList()));
        patterns.AddRange(kind.AccessPatterns);
    }

    // The record names of the knowledge base's domain templates (products, customers, orders, conversations): nouns of
    // the domains they come from. Templates every domain has (users, payments, notifications) are left out.
    private static readonly Lazy<HashSet<string>> TemplateNouns = new(() => [.. KnowledgeBase.Default.Entities.Entities
        .Where(e => !KnowledgeBase.Default.Entities.CrossCutting.Contains(e.Name)).SelectMany(e => TraceWords.Content(e.Name.Replace('_', ' ')))]);

    private static readonly string[] MoneyWords = ["amount", "price", "cost", "fee", "total", "balance", "deposit", "fare"];

    // Fields a record of its kind carries whatever the brief says: who and what it is, its state, money it holds.
    private static readonly HashSet<string> KeptEverywhere = new(StringComparer.Ordinal)
    {
        "id", "name", "title", "email", "phone", "description", "status", "amount", "amount_cents", "currency", "quantity",
        "starts_at", "ends_at", "body", "content", "created_at", "updated_at", "tenant_id", "version", "display_name",
    };

    private static EntityInfo Renamed(EntityInfo known, string name) => new()
    {
        Name = name, Table = Plural(name), Resource = Plural(name).Replace('_', '-'),
        Keywords = known.Keywords, Requires = [.. known.Requires], Sensitivity = known.Sensitivity,
        Columns = [.. known.Columns], Indexes = [.. known.Indexes], Unique = [.. known.Unique], AccessPatterns = [.. known.AccessPatterns],
    };

    private static EntityInfo Derived(DomainEntity entity, string name, RequirementsModel model, List<string> names, ReadingLexicon lexicon)
    {
        var useCases = model.UseCases.Where(u => Snake(u.Object).Split('_').Select(Inflection.Singular).Contains(name.Split('_')[^1])).ToList();
        var columns = new List<EntityColumn>();
        var indexes = new List<List<string>>();

        // Who creates it: a person actor that is itself an entity is referenced as its creator, which the server
        // takes from the caller's token (created_by is never a request field).
        // The record an action leaves is created by whoever does it: "students register" makes a registration.
        var recorded = model.UseCases.Where(u => lexicon.RecordOf(u.Action, u.Object) is { } r && Snake(r) == name || ValueRecords.NameOf(u, [name]) == name).ToList();
        var creator = useCases.Where(u => lexicon.OperationKind(u) == "create").Concat(recorded)
            .Select(u => Inflection.Singular(Snake(u.Actor))).FirstOrDefault(c => names.Contains(c) && c != name);
        if (creator is not null)
        {
            columns.Add(new EntityColumn { Name = "created_by", Type = "uuid", References = creator });
            indexes.Add(["created_by"]);
        }

        var isCatalogue = recorded.Count == 0 && useCases.All(u => lexicon.OperationKind(u) is not "create");
        columns.Add(isCatalogue
            ? new EntityColumn { Name = "name", Type = "text" }
            : new EntityColumn { Name = "notes", Type = "text", Nullable = true });

        // What the brief says the entity has ("a section has a seat cap, prerequisites and time-clash rules"): a column
        // each, typed by what its words say it holds; another entity of the model becomes a reference to it.
        foreach (var attribute in entity.Attributes.Select(a => Snake(a)).Where(a => a.Length > 1 && char.IsLetter(a[0])).Distinct().Take(12))
        {
            var single = Inflection.Singular(attribute.Split('_')[^1]);
            // Another entity of the model is a relation, which EntityRelations writes: "has a courier" a reference to
            // one, "has rooms" a reference from each room.
            if (names.Contains(attribute) || names.Contains(single) && attribute.Split('_').Length == 1)
            {
                continue;
            }

            if (columns.All(c => c.Name != attribute) && attribute is not ("id" or "status" or "created_at" or "updated_at"))
            {
                columns.Add(new EntityColumn { Name = attribute, Type = AttributeType(attribute), Nullable = true });
            }
        }

        var unique = new List<List<string>>();
        var patterns = new List<string>();
        WithKind(name, columns, indexes, unique, patterns);

        // Lifecycle: the states the brief's transitions name, each with who moved it and when (set by the server).
        var states = entity.States.Select(s => Snake(s)).Where(s => s.Length > 0).Distinct().ToList();
        if (states.Count > 0)
        {
            var created = useCases.Where(u => lexicon.OperationKind(u) == "create").Select(u => Snake(Participle(u.Action))).FirstOrDefault();
            var initial = created ?? "open";
            var all = new[] { initial }.Concat(states).Distinct().ToList();
            if (EntityKindCatalog.Default.Of(name)?.Lifecycle is { Count: >= 2 } lifecycle && (created is null || lifecycle.Contains(created)))
            {
                // The kind's own lifecycle, with the brief's states in it: money is not "paid" when its row is written
                // (the provider confirms it later, or declines it), a loan is active until it is returned.
                initial = lifecycle[0];
                all = [.. lifecycle.Concat(all.Where(s => s != "open")).Distinct()];
            }

            columns.Add(new EntityColumn { Name = "status", Type = "text", Check = $"status IN ({string.Join(",", all.Select(s => $"'{s}'"))})", Default = $"'{initial}'" });
            indexes.Add(["status"]);
            foreach (var state in states.Take(4))
            {
                columns.Add(new EntityColumn { Name = state + "_at", Type = "timestamptz", Nullable = true });
                columns.Add(new EntityColumn { Name = state + "_by", Type = "text", Nullable = true });
            }
        }

        return new EntityInfo
        {
            Name = name,
            Table = Plural(name),
            Resource = Plural(name).Replace('_', '-'),
            Keywords = [entity.Name],
            Requires = [.. columns.Where(c => c.References is not null).Select(c => c.References!)],
            Sensitivity = model.Actors.Any(a => a.Kind == "person" && Inflection.Singular(Snake(a.Name)) == name) ? "pii" : "none",
            Columns = columns,
            Indexes = indexes,
            Unique = unique,
            AccessPatterns = [.. useCases.Select(u => $"{u.Id}: {u.Actor} {u.Action} {u.Object}"), .. patterns],
        };
    }

    // The column type an attribute's last word suggests; text when it says nothing about it.
    private static string AttributeType(string attribute) => attribute.Split('_')[^1] switch
    {
        "cap" or "capacity" or "count" or "limit" or "quantity" or "seats" or "number" or "size" => "integer",
        "price" or "amount" or "fee" or "deposit" or "total" or "balance" or "cost" => "numeric(12,2)",
        "date" or "deadline" => "date",
        "time" or "at" or "timestamp" => "timestamptz",
        var last when last.EndsWith("ed", StringComparison.Ordinal) && attribute.StartsWith("is_", StringComparison.Ordinal) => "boolean",
        _ when attribute.EndsWith('s') => "jsonb",
        _ => "text",
    };

    private static string Participle(string verb) => Inflection.Participle(verb.Split(' ')[0]);

    public static string Snake(string s) => NonWord().Replace(s.ToLowerInvariant(), "_").Trim('_');

    private static string Plural(string name)
    {
        var parts = name.Split('_');
        parts[^1] = Inflection.Plural(parts[^1]);
        return string.Join('_', parts);
    }

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"'([a-z_]+)'")]
    private static partial Regex StatusValue();
}
