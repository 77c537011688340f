using System.Text.Encodings.Web;
using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Puts each used capability's mechanism (capabilities.json) into the design's own domain: its tables and operations
/// written against the thing it works on (the entity of the use case that called for it, or an entity of its subject
/// classes), and its description with the duration the brief states for it ("an 8-minute hold"), or a default said
/// to be assumed. A capability the organisation already runs adds no mechanism: the design uses that system.
/// </summary>
internal static class CapabilityMechanisms
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> TimeUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "s", "sec", "second", "seconds", "min", "minute", "minutes", "h", "hour", "hours", "day", "days", "week", "weeks",
    };

    /// <summary>Adds the mechanisms' tables to <paramref name="entities"/> and returns their operations.</summary>
    public static List<RemedyOperation> Apply(ComponentPlan plan, CapabilityCatalog catalog, RequirementsModel model, List<EntityInfo> entities, string serviceComponent)
    {
        var operations = new List<RemedyOperation>();
        foreach (var use in plan.Capabilities.Where(c => !c.ExistingSystem))
        {
            if (catalog.Capabilities.FirstOrDefault(c => c.Id == use.Id) is not { Mechanism: { } mechanism } capability)
            {
                continue;
            }

            entities.RemoveAll(e => mechanism.Replaces.Contains(e.Name, StringComparer.Ordinal));
            var subject = Subject(use, capability, catalog, model, entities);
            var duration = Duration(mechanism, model);
            var size = MaxSize(mechanism, model);
            var holder = subject is null ? null : Holder(mechanism, subject, entities);
            var slot = holder is null ? null : SlotLength(mechanism, model);
            var renames = new List<(string From, string To)>();
            string Fill(string template) => renames.Aggregate(Tokens(template, subject, duration), (text, r) => text.Replace(r.From, r.To, StringComparison.Ordinal))
                .Replace("<holder-words>", holder?.Name.Replace('_', ' ') ?? "", StringComparison.Ordinal)
                .Replace("<holder-kebab>", holder?.Name.Replace('_', '-') ?? "", StringComparison.Ordinal)
                .Replace("<holder>", holder?.Name ?? "", StringComparison.Ordinal)
                .Replace("<slot>", slot ?? "", StringComparison.Ordinal)
                .Replace("<max-size-check>", size is { } b ? $" AND size_bytes <= {b.Bytes.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "", StringComparison.Ordinal)
                .Replace("<max-size>", size is { } w ? $"at most {w.Words} (stated)" : "of a checked size", StringComparison.Ordinal)
                .Replace("<stated-retention>", StatedRetention(model), StringComparison.Ordinal);
            bool Fits(string template) => subject is not null || !template.Contains("<subject", StringComparison.Ordinal);

            // A template is filled through its JSON, written once: null when it needs a subject this design lacks.
            T? Instantiate<T>(T template)
                where T : class
            {
                var json = JsonSerializer.Serialize(template, Json);
                return Fits(json) ? JsonSerializer.Deserialize<T>(Fill(json), Json) : null;
            }

            foreach (var template in mechanism.Tables)
            {
                if (Instantiate(template) is not { } table)
                {
                    continue;
                }

                var head = template.Name.Split('_')[^1];
                if (holder is not null)
                {
                    // The design's own record of the subject (a booking of a room) is the hold, in its first state.
                    Fold(holder, table, head, entities, renames);
                    use.Tables.Add(holder.Table);
                    continue;
                }

                if (entities.FirstOrDefault(e => e.Table == table.Table || e.Name == table.Name) is { } same)
                {
                    // A table the design already has (a 'payments' entity of the brief) is used as it is, within the
                    // stated size bound ("files up to 250 MB") when the mechanism has one.
                    use.Tables.Add(same.Table);
                    if (size is { } bound && same.Columns.FirstOrDefault(c => c.Type is "bigint" or "integer" && c.Name.Split('_').Contains("size")) is { } sized)
                    {
                        sized.Check = $"{sized.Name} >= 0 AND {sized.Name} <= {bound.Bytes.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                    }

                    continue;
                }

                if (entities.FirstOrDefault(e => e.Name == head) is { } brief)
                {
                    // The brief names the mechanism's record itself ("the hold is released"): that entity becomes the
                    // mechanism's table, with the columns the mechanism needs, and keeps its name and operations.
                    Merge(brief, table);
                    renames.Add((table.Table, brief.Table));
                    renames.Add((table.Resource, brief.Resource));
                    use.Tables.Add(brief.Table);
                    continue;
                }

                entities.Add(table);
                use.Tables.Add(table.Table);
            }

            var counted = holder is null ? null : Count(mechanism, subject!);
            foreach (var template in slot is null ? [] : mechanism.SlotTables)
            {
                // Claim rows per thing and slot replace the range constraint: they hold on any SQL database and let one
                // booking take several things (tables combined for a party).
                if (Instantiate(template) is { } claims && entities.All(e => e.Table != claims.Table))
                {
                    entities.Add(claims);
                    use.Tables.Add(claims.Table);
                    holder!.Constraints.RemoveAll(c => c.StartsWith("EXCLUDE USING gist", StringComparison.Ordinal));
                    holder.AccessPatterns.RemoveAll(a => a.Contains("(exclusion constraint", StringComparison.Ordinal));
                }
            }

            foreach (var template in mechanism.Operations)
            {
                if (template.UnlessFolded && holder is not null
                    || template.UnlessCapability is { } other && plan.Capabilities.Any(c => c.Id == other)
                    || Instantiate(template) is not { } op)
                {
                    continue;
                }

                op.Tables = [.. op.Tables.Where(t => entities.Any(e => e.Table == t))];
                // The component that answers a tableless operation must be in this design; else the service answers it.
                if (op.Tables.Count == 0 && !plan.Has(op.Owner))
                {
                    op.Owner = serviceComponent;
                }

                // A row created for a period (a hold of a room for a stay) is created for the period the caller chooses:
                // the request carries the table's period, or the contract could not write a valid row.
                if (op.Method == "post" && op.Body.Count > 0 && op.Tables.Count > 0 && entities.FirstOrDefault(e => e.Table == op.Tables[0]) is { } written)
                {
                    op.Body.AddRange(written.Columns.Where(c => c.Name is "starts_at" or "ends_at" or "party_size" && op.Body.All(b => b.Name != c.Name))
                        .Select(c => new EntityColumn { Name = c.Name, Type = c.Type, Nullable = c.Nullable, Check = c.Name == "ends_at" ? null : c.Check }));
                }

                if (op.Tables.Count > 0)
                {
                    Claim(op, model, entities);
                }

                operations.Add(op);
                use.Operations.Add($"{op.Method.ToUpperInvariant()} {op.Path}");
            }

            if (holder is not null && mechanism.FoldedDescription.Length > 0)
            {
                var by = mechanism.Confirmations.FirstOrDefault(c => c.Key.Length > 0 && plan.Capabilities.Any(p => p.Id == c.Key)).Value
                    ?? mechanism.Confirmations.GetValueOrDefault("", "");
                use.Mechanism = Fill(mechanism.FoldedDescription.Replace("<confirmation>", by, StringComparison.Ordinal)
                    + (slot is not null && mechanism.SlotDescription.Length > 0 ? " " + mechanism.SlotDescription : "")
                    + (counted is not null ? " " + mechanism.Counter!.Description.Replace("<capacity>", counted, StringComparison.Ordinal) : ""));
            }
            else if (Fits(mechanism.Description))
            {
                use.Mechanism = Fill(mechanism.Description);
            }
        }

        return operations;
    }

    /// <summary>
    /// Where the brief forbids physical deletes, a mechanism's end-of-life action is never 'delete': retention
    /// anonymises or archives instead, in its schema, its description and its risk.
    /// </summary>
    public static void KeepEveryRow(ComponentPlan plan, List<EntityInfo> entities)
    {
        // Only the retention policy's action: an audit entry's 'delete' records what happened, it deletes nothing.
        foreach (var column in entities.Where(e => e.Table == "retention_policies").SelectMany(e => e.Columns).Where(c => c.Name == "action" && c.Check?.Contains("'delete'", StringComparison.Ordinal) == true))
        {
            var kept = OpenApiWriter.EnumValues(column).Where(v => v != "delete").ToList();
            column.Check = $"action IN ({string.Join(",", kept.Select(v => $"'{v}'"))})";
            column.Default = kept.Contains("archive") ? "'archive'" : $"'{kept[0]}'";
        }

        foreach (var use in plan.Capabilities)
        {
            use.Mechanism = use.Mechanism.Replace("(delete, anonymise or archive)", "(anonymise or archive; never delete, as the brief forbids physical deletes)", StringComparison.Ordinal);
            use.Risk = use.Risk.Replace("the job deletes only past the period", "the job anonymises or archives only past the period, never deleting a row", StringComparison.Ordinal)
                .Replace("A purge deletes what must be kept", "A purge alters what must be kept", StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Points the operation at the record it acts for and claims the use cases it performs: a checkout for the booking a
    /// payment is of takes that booking's id (not an untyped reference), and "guests pay" is this operation.
    /// </summary>
    private static void Claim(RemedyOperation op, RequirementsModel model, List<EntityInfo> entities)
    {
        var table = entities.First(e => e.Table == op.Tables[0]);
        if (op.Body.FirstOrDefault(b => b.Name == "reference_id") is { } reference
            && table.Columns.FirstOrDefault(c => c.References is not null && !IsPerson(c.References) && !c.Name.EndsWith("_by", StringComparison.Ordinal)) is { } of)
        {
            reference.Name = of.Name;
            reference.References = of.References;
        }

        op.UseCases.AddRange(model.UseCases
            .Where(u => op.Serves.Contains(u.Action, StringComparer.OrdinalIgnoreCase) && DomainEntities.OperatedOn(u, entities) == table)
            .Select(u => u.Id));
    }

    /// <summary>
    /// The design's record that holds the subject and is of a kind the mechanism folds into (a booking that references
    /// the room), or null. The brief's own name for the mechanism's record ("the hold is released") is not one: that
    /// record is folded into the holder.
    /// </summary>
    private static EntityInfo? Holder(CapabilityMechanism mechanism, EntityInfo subject, List<EntityInfo> entities)
    {
        if (mechanism.FoldsInto.Count == 0)
        {
            return null;
        }

        var heads = mechanism.Tables.Select(t => t.Name.Split('_')[^1]).ToHashSet(StringComparer.Ordinal);
        return entities.FirstOrDefault(e => e != subject && !heads.Contains(e.Name)
            && EntityKindCatalog.Default.Of(e.Name)?.Id is { } kind && mechanism.FoldsInto.Contains(kind, StringComparer.Ordinal)
            && e.Columns.Any(c => c.References == subject.Name));
    }

    private const string HoldExpiry = "hold_expires_at";

    // A reference to who holds or pays (the user, a guest): not the record an operation acts for.
    private static bool IsPerson(string? reference) => reference is not null && (reference == "user" || EntityKindCatalog.Default.Of(reference)?.Id == "person");

    private static string Expiry(string column) => column == "expires_at" ? HoldExpiry : column;

    /// <summary>
    /// Gives the holder the mechanism's state: its lifecycle starts 'held' (the mechanism's states first, then the
    /// holder's own later ones) and it gets the expiry; who holds it is the holder's own person, and how many is one
    /// record (a booking's party size is its own column). A separate record the brief named for the hold is merged into it.
    /// </summary>
    private static void Fold(EntityInfo holder, EntityInfo table, string head, List<EntityInfo> entities, List<(string From, string To)> renames)
    {
        // The mechanism's own names first: they contain the brief's shorter one ("room_holds" holds "holds").
        renames.Add((table.Table, holder.Table));
        renames.Add((table.Resource, holder.Resource));
        if (entities.FirstOrDefault(e => e.Name == head && e != holder) is { } named)
        {
            entities.Remove(named);
            foreach (var column in entities.SelectMany(e => e.Columns).Where(c => c.References == named.Name))
            {
                column.References = holder.Name;
                column.Name = column.Name.Replace(named.Name + "_id", holder.Name + "_id", StringComparison.Ordinal);
            }

            renames.Add((named.Table, holder.Table));
            renames.Add((named.Resource, holder.Resource));
        }

        var person = holder.Columns.Any(c => IsPerson(c.References));
        foreach (var column in table.Columns)
        {
            if (column.Name == "status" && holder.Columns.FirstOrDefault(c => c.Name == "status") is { } own)
            {
                var states = OpenApiWriter.EnumValues(column).ToList();
                states.AddRange(OpenApiWriter.EnumValues(own).Where(v => !states.Contains(v) && v is not "pending" and not "draft" and not "open"));
                own.Check = $"status IN ({string.Join(",", states.Select(v => $"'{v}'"))})";
                own.Default = column.Default;
                continue;
            }

            if (holder.Columns.Any(c => c.Name == column.Name)
                || person && IsPerson(column.References)
                || column.Name == "quantity")
            {
                continue;
            }

            // On a record that outlives its hold the expiry is the hold's, which the server alone sets (and a confirmed
            // record keeps none); a booking's own "expires_at" could be a client's choice.
            var added = column.Copy();
            added.Name = Expiry(column.Name);
            added.Nullable |= added.Name != column.Name;
            holder.Columns.Add(added);
        }

        var names = holder.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        holder.Indexes.AddRange(table.Indexes.Select(i => i.Select(Expiry).ToList()).Where(i => i.All(names.Contains) && !holder.Indexes.Any(b => b.SequenceEqual(i))));
        holder.AccessPatterns.AddRange(table.AccessPatterns.Select(a => a.Replace("expires_at", HoldExpiry, StringComparison.Ordinal).Replace("expiry", "hold expiry", StringComparison.Ordinal))
            .Where(a => !holder.AccessPatterns.Contains(a)));
        EntityRelations.RefreshGuards(holder);
    }

    /// <summary>Gives the brief's entity the mechanism's columns (the mechanism's own state values win), indexes and access patterns.</summary>
    private static void Merge(EntityInfo brief, EntityInfo mechanism)
    {
        foreach (var column in mechanism.Columns)
        {
            brief.Columns.RemoveAll(c => c.Name == column.Name);
            brief.Columns.Add(column);
        }

        brief.Indexes.AddRange(mechanism.Indexes.Where(i => !brief.Indexes.Any(b => b.SequenceEqual(i))));
        brief.Unique.AddRange(mechanism.Unique.Where(u => !brief.Unique.Any(b => b.SequenceEqual(u))));
        brief.AccessPatterns.AddRange(mechanism.AccessPatterns.Where(a => !brief.AccessPatterns.Contains(a)));
        EntityRelations.RefreshGuards(brief);
    }

    /// <summary>The entity the mechanism works on: the calling use case's, else one of its subject classes, else its default subject.</summary>
    private static EntityInfo? Subject(CapabilityUse use, CapabilityInfo capability, CapabilityCatalog catalog, RequirementsModel model, List<EntityInfo> entities)
    {
        var mechanism = capability.Mechanism!;
        var words = mechanism.SubjectClasses.SelectMany(catalog.ClassWords).ToList();
        bool InClass(EntityInfo e) => words.Any(w => e.Name == w || e.Name.EndsWith("_" + w, StringComparison.Ordinal));
        if (model.UseCases.FirstOrDefault(u => u.Id == use.UseCaseId) is { } useCase && DomainEntities.Of(useCase, entities) is { } own)
        {
            // "Guests book a booking": the thing held is what the booking is of (its room), when it names one.
            var folds = EntityKindCatalog.Default.Of(own.Name)?.Id is { } kind && mechanism.FoldsInto.Contains(kind, StringComparer.Ordinal);
            return folds && own.Columns.Select(c => entities.FirstOrDefault(e => e.Name == c.References)).FirstOrDefault(e => e is not null && InClass(e)) is { } held
                ? held
                : own;
        }

        if (entities.FirstOrDefault(InClass) is { } named)
        {
            return named;
        }

        // Called for by another feature (a "never double-booked" rule): the thing a use case does the capability's verb to
        // ("campers reserve a pitch").
        if (model.UseCases.Where(u => capability.Triggers.Verbs.Contains(u.Action, StringComparer.OrdinalIgnoreCase))
                .Select(u => DomainEntities.Of(u, entities)).FirstOrDefault(e => e is not null) is { } acted)
        {
            return acted;
        }

        return mechanism.DefaultSubject.Length == 0 ? null : new EntityInfo
        {
            Name = mechanism.DefaultSubject,
            Table = Inflection.Plural(mechanism.DefaultSubject),
            Resource = Inflection.Plural(mechanism.DefaultSubject).Replace('_', '-'),
        };
    }

    /// <summary>
    /// For a subject held by count (an offering), adds the server-owned counter, kept under the subject's capacity
    /// column by a check, and returns that column's name; null when the subject is held by period.
    /// </summary>
    private static string? Count(CapabilityMechanism mechanism, EntityInfo subject)
    {
        if (mechanism.Counter is not { } counter || EntityKindCatalog.Default.Of(subject.Name)?.Id is not { } kind || !counter.Kinds.Contains(kind, StringComparer.Ordinal))
        {
            return null;
        }

        var capacity = subject.Columns.FirstOrDefault(c => c.Type == "integer" && counter.CapacityWords.Any(w => c.Name == w || c.Name.EndsWith("_" + w, StringComparison.Ordinal) || c.Name.StartsWith(w + "_", StringComparison.Ordinal)));
        if (capacity is null)
        {
            capacity = new EntityColumn { Name = "capacity", Type = "integer", Nullable = false, Check = "capacity > 0" };
            subject.Columns.Add(capacity);
        }

        if (subject.Columns.All(c => c.Name != counter.Column))
        {
            subject.Columns.Add(new EntityColumn
            {
                Name = counter.Column, Type = "integer", Nullable = false, Default = "0",
                Check = $"{counter.Column} >= 0 AND ({capacity.Name} IS NULL OR {counter.Column} <= {capacity.Name})",
            });
        }

        return capacity.Name;
    }

    /// <summary>The stated slot length ("15-minute") when a time figure stands beside a slot word, else null.</summary>
    private static string? SlotLength(CapabilityMechanism mechanism, RequirementsModel model) =>
        model.Figures.FirstOrDefault(f => IsSlotLength(f, mechanism, model)) is { } f ? $"{NumberText.Format(f.Value)}-{Inflection.Singular(f.Unit)}" : null;

    // "15-minute slots", "créneaux de 15 minutes": a slot word within a few words of the figure, in the statement that holds it.
    private static bool IsSlotLength(Figure f, CapabilityMechanism mechanism, RequirementsModel model)
    {
        if (f.Derived || !TimeUnits.Contains(f.Unit) || mechanism.SlotWords.Count == 0)
        {
            return false;
        }

        const int Near = 24;
        foreach (var text in model.UseCases.Select(u => u.Text).Concat(model.Constraints.Select(c => c.Text)).Append(f.Text))
        {
            var at = text.IndexOf(f.Text, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var from = Math.Max(0, at - Near);
            var window = text[from..Math.Min(text.Length, at + f.Text.Length + Near)];
            if (mechanism.SlotWords.Any(w => ExistingStack.Mentions(window, w)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The retention periods the brief states, in its words ("7 years for project channels …"), or a note that it states none.</summary>
    private static string StatedRetention(RequirementsModel model) =>
        model.Constraints.Where(c => c.Kind == "retention").Select(c => $"\"{c.Value.Trim().TrimEnd('.')}\"").Distinct().ToList() is { Count: > 0 } stated
            ? string.Join("; ", stated)
            : "none: the periods are to be agreed with the data owner";

    private static readonly Dictionary<string, long> SizeUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["KB"] = 1L << 10, ["MB"] = 1L << 20, ["GB"] = 1L << 30, ["TB"] = 1L << 40, ["Mo"] = 1L << 20, ["Go"] = 1L << 30,
    };

    /// <summary>
    /// The largest stated data size whose statement says it bounds what the mechanism takes ("file sharing up to 250 MB",
    /// "5-10 MB photos" for uploads), in bytes and in the brief's words; null when the brief states none.
    /// </summary>
    private static (long Bytes, string Words)? MaxSize(CapabilityMechanism mechanism, RequirementsModel model)
    {
        if (mechanism.SizeWords.Count == 0)
        {
            return null;
        }

        var statements = model.UseCases.Select(u => u.Text).Concat(model.Constraints.Select(c => c.Text)).ToList();
        bool Names(string text) => mechanism.SizeWords.Any(w => ExistingStack.Mentions(text, w));
        // A file-sized figure the reader calls a size ("people upload 5-10 MB") bounds an upload too, though its sentence is background.
        bool FileSized(Figure f) => f.Quantity.StartsWith("size", StringComparison.Ordinal) && f.Unit is "MB" or "KB" or "Mo";
        var sized = model.Figures.Where(f => !f.Derived && SizeUnits.ContainsKey(f.Unit)
                && (Names(f.Text) || FileSized(f) || statements.Any(t => t.Contains(f.Text, StringComparison.Ordinal) && Names(t))))
            .OrderByDescending(f => f.Value * SizeUnits[f.Unit]).FirstOrDefault();
        return sized is null ? null : ((long)(sized.Value * SizeUnits[sized.Unit]), $"{NumberText.Format(sized.Value)} {sized.Unit}");
    }

    /// <summary>The stated time figure that names the mechanism ("an 8-minute hold"), or its default, said to be assumed.</summary>
    private static string Duration(CapabilityMechanism mechanism, RequirementsModel model)
    {
        // A quality target that bounds the mechanism ("never more than 60 seconds stale" for a cache's TTL).
        // Only one that says so in its words: a freshness target for processing ("inside 10 minutes") is no cache's TTL.
        if (model.QualityTargets.FirstOrDefault(q => mechanism.DurationTargets.Contains(q.Attribute, StringComparer.OrdinalIgnoreCase) && q.Value is > 0
                && mechanism.DurationWords.Any(w => q.Text.Contains(w, StringComparison.OrdinalIgnoreCase))) is { } target)
        {
            var unit = target.Unit switch { "s" => "seconds", "ms" => "milliseconds", "min" => "minutes", "h" => "hours", _ => target.Unit };
            return $"{NumberText.Format(target.Value!.Value)} {unit} (stated)";
        }

        if (mechanism.DurationWords.Count == 0)
        {
            return "";
        }

        // A figure names its duration in its own words ("hold duration") or in the use case or constraint that states it
        // ("we hold the room for 10 minutes").
        var statements = model.UseCases.Select(u => u.Text).Concat(model.Constraints.Select(c => c.Text)).ToList();
        bool Names(string text) => mechanism.DurationWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
        var stated = model.Figures.FirstOrDefault(f => !f.Derived && TimeUnits.Contains(f.Unit) && !IsSlotLength(f, mechanism, model)
            && (Names(f.Quantity + " " + f.Text) || statements.Any(t => t.Contains(f.Text, StringComparison.Ordinal) && Names(t))));
        return stated is not null
            ? $"{NumberText.Format(stated.Value)} {stated.Unit} (stated)"
            : mechanism.DefaultDuration.Length > 0 ? $"{mechanism.DefaultDuration} (assumed: the brief states none)" : "";
    }

    private static string Tokens(string template, EntityInfo? subject, string duration)
    {
        var name = subject?.Name ?? "";
        return template
            .Replace("<subject-words>", name.Replace('_', ' '), StringComparison.Ordinal)
            .Replace("<subject-kebab>", name.Replace('_', '-'), StringComparison.Ordinal)
            .Replace("<subjects>", subject?.Resource ?? "", StringComparison.Ordinal)
            .Replace("<subject-table>", subject?.Table ?? "", StringComparison.Ordinal)
            .Replace("<subject-plural>", subject?.Table.Replace('_', ' ') ?? "", StringComparison.Ordinal)
            .Replace("<subject>", name, StringComparison.Ordinal)
            .Replace("<duration>", duration, StringComparison.Ordinal);
    }
}
