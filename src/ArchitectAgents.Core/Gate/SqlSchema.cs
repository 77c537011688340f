using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Gate;

/// <summary>The tables a DDL script creates, with the comment each carries (COMMENT ON TABLE), read from the statements.</summary>
public sealed partial class SqlSchema
{
    /// <summary>Table names in creation order (schema prefix dropped, lower case).</summary>
    public IReadOnlyList<string> Tables { get; private init; } = [];

    /// <summary>COMMENT ON TABLE text by table.</summary>
    public IReadOnlyDictionary<string, string> Comments { get; private init; } = new Dictionary<string, string>();

    /// <summary>Reads the tables of a script.</summary>
    public static SqlSchema Read(string ddl)
    {
        var withoutLineComments = LineComment().Replace(ddl, "");
        return new SqlSchema
        {
            Tables = [.. CreateTable().Matches(withoutLineComments).Select(m => Name(m.Groups["name"].Value)).Distinct(StringComparer.Ordinal)],
            Comments = CommentOn().Matches(withoutLineComments).GroupBy(m => Name(m.Groups["name"].Value), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last().Groups["text"].Value.Replace("''", "'", StringComparison.Ordinal), StringComparer.Ordinal),
        };
    }

    private static string Name(string qualified) => qualified[(qualified.LastIndexOf('.') + 1)..].Trim('"').ToLowerInvariant();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\bCREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<name>[\w.""]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"\bCOMMENT\s+ON\s+TABLE\s+(?<name>[\w.""]+)\s+IS\s+'(?<text>(?:[^']|'')*)'", RegexOptions.IgnoreCase)]
    private static partial Regex CommentOn();
}
