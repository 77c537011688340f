using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Use cases that move value rather than a thing ("customers send money to a phone number or IBAN", "request
/// money", "donors give funds to a campaign"): what the system keeps is the record of the movement (a transfer, a
/// money request, a donation), created by the use case, with the amount and currency the caller states and the
/// destination the brief names ("to a phone number or IBAN" → exactly one of recipient_phone_number and
/// recipient_iban; "to a campaign" → a reference to the campaign).
/// </summary>
internal static partial class ValueRecords
{
    private const int MaxDestinations = 3;

    /// <summary>The entity that records the movement a use case makes, or null when it moves no value or none is kept.</summary>
    public static EntityInfo? Of(UseCase useCase, IReadOnlyList<EntityInfo> entities) =>
        NameOf(useCase, entities.Select(e => e.Name).ToList()) is { } name ? entities.FirstOrDefault(e => e.Name == name) : null;

    /// <summary>
    /// The table name of the movement a use case records among <paramref name="names"/>: the record named with what
    /// it moves ("money_request") before the bare record ("transfer"); null when nothing of either name is kept.
    /// </summary>
    public static string? NameOf(UseCase useCase, IReadOnlyCollection<string> names)
    {
        var lexicon = ReadingLexicon.Default;
        if (!lexicon.IsValue(useCase.Object) || lexicon.RecordOf(useCase.Action, useCase.Object) is not { } record)
        {
            return null;
        }

        var moved = DomainEntities.Snake(useCase.Object).Split('_')[^1];
        var bare = DomainEntities.Snake(record);
        return new[] { $"{moved}_{bare}", bare }.FirstOrDefault(names.Contains);
    }

    /// <summary>The name a new table for the movement takes: the bare record unless it is too generic alone ("request" → "money request").</summary>
    public static string? NewName(UseCase useCase, ReadingLexicon lexicon)
    {
        if (!lexicon.IsValue(useCase.Object) || lexicon.RecordOf(useCase.Action, useCase.Object) is not { } record)
        {
            return null;
        }

        return lexicon.GenericNouns.Contains(record) ? $"{useCase.Object.Split(' ')[^1].ToLowerInvariant()} {record}" : record;
    }

    /// <summary>Gives each movement record its amount, currency and stated destination.</summary>
    public static void Apply(List<EntityInfo> entities, RequirementsModel model)
    {
        foreach (var useCase in model.UseCases.Where(u => u.Actor != "System"))
        {
            if (Of(useCase, entities) is not { } record)
            {
                continue;
            }

            if (record.Columns.All(c => c.Name != "amount"))
            {
                record.Columns.Add(new EntityColumn { Name = "amount", Type = "numeric(18,2)", Check = "amount > 0" });
            }

            if (record.Columns.All(c => c.Name != "currency"))
            {
                record.Columns.Add(new EntityColumn { Name = "currency", Type = "char(3)" });
            }

            if (record.Sensitivity == "none")
            {
                record.Sensitivity = "financial";
            }

            AddDestination(record, useCase, entities);
        }
    }

    // "send money to a phone number or IBAN": each alternative is where the value may go; a kept entity is a reference
    // to it, anything else an identifier the caller gives. With several, exactly one is set.
    private static void AddDestination(EntityInfo record, UseCase useCase, List<EntityInfo> entities)
    {
        // The sentence may hold several use cases ("send money to a phone number or IBAN, request money"): the
        // destination is this one's only when its own verb moves the value there.
        var moved = Inflection.Singular(useCase.Object.Split(' ')[^1].ToLowerInvariant());
        var m = Destination().Match(useCase.Text);
        while (m.Success && !(Inflection.Singular(m.Groups["moved"].Value.ToLowerInvariant()) == moved
                   && m.Groups["verb"].Value.StartsWith(useCase.Action.Split(' ')[0], StringComparison.OrdinalIgnoreCase)))
        {
            m = m.NextMatch();
        }

        if (!m.Success)
        {
            return;
        }

        var alternatives = m.Groups["to"].Value.Split(" or ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(a => Article().Replace(a, "").Trim())
            .Where(a => a.Length > 1 && a.Split(' ').Length <= 3 && a.All(c => char.IsLetter(c) || c is ' ' or '-'))
            .Take(MaxDestinations).ToList();
        var columns = new List<string>();
        foreach (var alternative in alternatives)
        {
            var snake = DomainEntities.Snake(alternative);
            var parts = snake.Split('_');
            parts[^1] = Inflection.Singular(parts[^1]);
            var singular = string.Join('_', parts);
            // A kept entity is referenced by its usual key name ("campaign_id"); an identifier the caller types names the recipient.
            var column = entities.Any(e => e.Name == singular) && singular != record.Name ? $"{singular}_id" : $"recipient_{snake}";
            if (record.Columns.Any(c => c.Name == column))
            {
                continue;
            }

            var target = entities.Any(e => e.Name == singular) && singular != record.Name ? singular : null;
            record.Columns.Add(new EntityColumn { Name = column, Type = target is null ? "text" : "uuid", References = target, Nullable = alternatives.Count > 1 });
            columns.Add(column);
        }

        if (columns.Count > 1)
        {
            record.Constraints.Add($"CHECK (num_nonnulls({string.Join(", ", columns)}) = 1)");
        }
    }

    // "<verb> money to a phone number or IBAN," the moved noun and what follows "to" up to the clause's end.
    [GeneratedRegex(@"\b(?<verb>[A-Za-z]+)\s+(?:(?:the|their|some|any|his|her)\s+)?(?<moved>[A-Za-z]+)\s+to\s+(?<to>[^,.;:()]+?)(?=\s*(?:[,.;:()]|$|\s+(?:and|but|with|via|through|in|on|by|for|within|before|after)\s))", RegexOptions.IgnoreCase)]
    private static partial Regex Destination();

    [GeneratedRegex(@"^(?:a|an|the|their|his|her|its|any|another|other|our|your)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Article();
}
