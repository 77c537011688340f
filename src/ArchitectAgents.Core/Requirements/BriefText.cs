using System.Text;
using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// The brief as blocks of prose: lines that wrap inside a sentence are joined with one space (so "must load in
/// under" and "200 ms" on the next line stay one sentence), while headings, list items and table rows stay apart.
/// Every quote in the requirements model is taken from this text.
/// </summary>
public static partial class BriefText
{
    /// <summary>One block: a heading, a list item, a table row or a paragraph.</summary>
    public sealed record Block(string Kind, string Text, string? Heading);

    /// <summary>Splits and joins the text into blocks, in order.</summary>
    public static IReadOnlyList<Block> Blocks(string text)
    {
        var blocks = new List<Block>();
        var current = new StringBuilder();
        string kind = "paragraph";
        string? heading = null;

        void Flush()
        {
            var joined = Spaces().Replace(current.ToString(), " ").Trim();
            if (joined.Length > 0)
            {
                blocks.Add(new Block(kind, joined, heading));
                if (kind == "heading")
                {
                    heading = joined.TrimStart('#', ' ');
                }
            }

            current.Clear();
            kind = "paragraph";
        }

        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (Heading().IsMatch(line) || TableRow().IsMatch(line))
            {
                Flush();
                kind = line.StartsWith('|') ? "table" : "heading";
                current.Append(line);
                Flush();
                continue;
            }

            if (ListItem().Match(line) is { Success: true } item)
            {
                Flush();
                kind = "item";
                current.Append(line[item.Length..]);
                continue;
            }

            // A short line ending in a colon introduces what follows ("Constraints:", "Must have:").
            if (current.Length == 0 && line.EndsWith(':') && line.Length <= 60)
            {
                kind = "heading";
                current.Append(line.TrimEnd(':'));
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        Flush();
        return blocks;
    }

    /// <summary>The blocks as one text, one block per line: what the annotator reads.</summary>
    public static string Joined(IReadOnlyList<Block> blocks) => string.Join('\n', blocks.Select(b => b.Text));

    [GeneratedRegex(@"^#{1,6}\s")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\|")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^(?:[-*+•·]|\d{1,2}[.)])\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();
}
