using System.Text.RegularExpressions;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Tables the organisation already has, named by the brief in code beside the thing they hold ("Stock is owned by the
/// Rails app (`inventory_items`)"): the design's entity for that thing keeps that table's name, so the schema extends
/// the existing table instead of creating a second one, and the migration notes say so.
/// </summary>
internal static partial class ExistingTables
{
    /// <summary>Renames the entities the brief ties to an existing table; returns one note per table kept.</summary>
    public static List<string> Apply(List<EntityInfo> entities, string? brief)
    {
        var notes = new List<string>();
        if (string.IsNullOrWhiteSpace(brief))
        {
            return notes;
        }

        foreach (var sentence in Sentence().Split(brief))
        {
            foreach (Match code in CodeName().Matches(sentence))
            {
                var table = code.Groups[1].Value;
                // A column ("`order_id`", "`created_at`") names a field of the thing, not the table that keeps it.
                if (entities.Any(e => e.Table == table) || ColumnSuffixes.Any(x => table.EndsWith(x, StringComparison.Ordinal)))
                {
                    continue;
                }

                // The thing the sentence is about: an entity whose name (or its plural) the sentence says as a word.
                var words = Word().Matches(sentence.Replace(code.Value, " ", StringComparison.Ordinal)).Select(m => Inflection.Singular(m.Value.ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
                if (entities.FirstOrDefault(e => e.Name != "user" && words.Contains(e.Name) && !e.ServerOnly) is not { } entity)
                {
                    continue;
                }

                notes.Add($"{entity.Table} is the existing table {table} (\"{sentence.Trim()}\"): schema.sql shows it as this design needs it, and the first migration only adds what it lacks; its rows and their owner stay as they are.");
                entity.Table = table;
            }
        }

        return notes;
    }

    private static readonly string[] ColumnSuffixes = ["_id", "_ids", "_at", "_by", "_on", "_key", "_url", "_code", "_no", "_number", "_date", "_count", "_name", "_type", "_status"];

    [GeneratedRegex(@"(?<=[.!?;])\s+|\n\s*[-*]\s+")]
    private static partial Regex Sentence();

    // A snake_case identifier in code: `inventory_items`, `order_lines`.
    [GeneratedRegex(@"`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`")]
    private static partial Regex CodeName();

    [GeneratedRegex(@"[A-Za-z][A-Za-z-]+")]
    private static partial Regex Word();
}
