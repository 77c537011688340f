using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Gate;

/// <summary>The tables a DDL script creates, with the comment each carries (COMMENT ON TABLE), read from the statements.</summary>
public sealed partial class SqlSchema
{
    /// <summary>Table names in creation order (schema prefix dropped, lower case).</summary>
    public IReadOnlyList<string> Tables { get; private init; } = [];

    /// <summary>COMMENT ON TABLE text by table.</summary>
    public IReadOnlyDictionary<string, string> Comments { get; private init; } = new Dictionary<string, string>();

    /// <summary>Column names of each table, in declaration order (constraints left out).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Columns { get; private init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Reads the tables of a script.</summary>
    public static SqlSchema Read(string ddl)
    {
        var withoutLineComments = LineComment().Replace(ddl, "");
        return new SqlSchema
        {
            Columns = CreateTable().Matches(withoutLineComments).GroupBy(m => Name(m.Groups["name"].Value), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => ColumnsAfter(withoutLineComments, g.First().Index + g.First().Length), StringComparer.Ordinal),
            Tables = [.. CreateTable().Matches(withoutLineComments).Select(m => Name(m.Groups["name"].Value)).Distinct(StringComparer.Ordinal)],
            Comments = CommentOn().Matches(withoutLineComments).GroupBy(m => Name(m.Groups["name"].Value), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last().Groups["text"].Value.Replace("''", "'", StringComparison.Ordinal), StringComparer.Ordinal),
        };
    }

    // The column list is the parenthesised body after the name: split at top-level commas, each part's first word a
    // column unless it opens a table constraint.
    private static IReadOnlyList<string> ColumnsAfter(string ddl, int from)
    {
        var open = ddl.IndexOf('(', from);
        if (open < 0)
        {
            return [];
        }

        var parts = new List<string>();
        var depth = 0;
        var start = open + 1;
        for (var i = open; i < ddl.Length; i++)
        {
            var c = ddl[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                parts.Add(ddl[start..i]);
                break;
            }
            else if (c == ',' && depth == 1)
            {
                parts.Add(ddl[start..i]);
                start = i + 1;
            }
        }

        return [.. parts.Select(p => p.Trim()).Where(p => p.Length > 0 && !TableConstraint().IsMatch(p))
            .Select(p => p.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0].Trim('"').ToLowerInvariant())];
    }

    [GeneratedRegex(@"^(?:PRIMARY\s+KEY|UNIQUE|CONSTRAINT|CHECK|FOREIGN\s+KEY|EXCLUDE|LIKE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TableConstraint();

    private static string Name(string qualified) => qualified[(qualified.LastIndexOf('.') + 1)..].Trim('"').ToLowerInvariant();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\bCREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<name>[\w.""]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"\bCOMMENT\s+ON\s+TABLE\s+(?<name>[\w.""]+)\s+IS\s+'(?<text>(?:[^']|'')*)'", RegexOptions.IgnoreCase)]
    private static partial Regex CommentOn();
}
