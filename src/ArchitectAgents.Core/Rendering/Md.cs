using System.Text;

namespace ArchitectAgents.Core.Rendering;

/// <summary>Markdown helpers that keep untrusted text inside its cell or line.</summary>
internal static class Md
{
    /// <summary>One line of text: no line breaks, no table pipes, no raw HTML.</summary>
    public static string Inline(string? text) =>
        (text ?? "").Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Trim();

    /// <summary>A fenced block whose fence is longer than any backtick run inside, so content cannot close it.</summary>
    public static string Fence(string language, string content)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}{language}\n{content.TrimEnd()}\n{fence}\n";
    }

    public static void Table(StringBuilder sb, string[] headers, IEnumerable<string?[]> rows)
    {
        sb.Append("| ").AppendJoin(" | ", headers).Append(" |\n");
        sb.Append('|').AppendJoin("|", headers.Select(_ => "---")).Append("|\n");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            sb.Append("| ").AppendJoin(" | ", row.Select(Inline)).Append(" |\n");
        }

        if (!any)
        {
            sb.Append("| ").AppendJoin(" | ", headers.Select((_, i) => i == 0 ? "(none)" : "")).Append(" |\n");
        }

        sb.Append('\n');
    }
}
