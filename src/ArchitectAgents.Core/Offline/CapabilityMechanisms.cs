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
            var renames = new List<(string From, string To)>();
            string Fill(string template) => renames.Aggregate(Tokens(template, subject, duration), (text, r) => text.Replace(r.From, r.To, StringComparison.Ordinal));
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
                if (entities.FirstOrDefault(e => e.Table == table.Table || e.Name == table.Name) is { } same)
                {
                    // A table the design already has (a 'payments' entity of the brief) is used as it is.
                    use.Tables.Add(same.Table);
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

            foreach (var template in mechanism.Operations)
            {
                if (Instantiate(template) is not { } op)
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

                operations.Add(op);
                use.Operations.Add($"{op.Method.ToUpperInvariant()} {op.Path}");
            }

            if (Fits(mechanism.Description))
            {
                use.Mechanism = Fill(mechanism.Description);
            }
        }

        return operations;
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
        if (model.UseCases.FirstOrDefault(u => u.Id == use.UseCaseId) is { } useCase && DomainEntities.Of(useCase, entities) is { } own)
        {
            return own;
        }

        var words = mechanism.SubjectClasses.SelectMany(catalog.ClassWords).ToList();
        if (entities.FirstOrDefault(e => words.Any(w => e.Name == w || e.Name.EndsWith("_" + w, StringComparison.Ordinal))) is { } named)
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

    /// <summary>The stated time figure that names the mechanism ("an 8-minute hold"), or its default, said to be assumed.</summary>
    private static string Duration(CapabilityMechanism mechanism, RequirementsModel model)
    {
        if (mechanism.DurationWords.Count == 0)
        {
            return "";
        }

        // A figure names its duration in its own words ("hold duration") or in the use case or constraint that states it
        // ("we hold the room for 10 minutes").
        var statements = model.UseCases.Select(u => u.Text).Concat(model.Constraints.Select(c => c.Text)).ToList();
        bool Names(string text) => mechanism.DurationWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
        var stated = model.Figures.FirstOrDefault(f => !f.Derived && TimeUnits.Contains(f.Unit)
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
            .Replace("<subject>", name, StringComparison.Ordinal)
            .Replace("<duration>", duration, StringComparison.Ordinal);
    }
}
