using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;
using static ArchitectAgents.Core.Validation.ValidationResults;

namespace ArchitectAgents.Core.Validation;

/// <summary>
/// Fast structural pre-check of the Mermaid flowchart in C#: a known header, balanced brackets and quotes
/// per line, and edges whose ends are declared nodes (Mermaid itself silently invents undeclared nodes,
/// so a misspelt id is only caught here).
/// </summary>
public sealed partial class MermaidStructureValidator : IArtifactValidator
{
    /// <inheritdoc />
    public string Name => "mermaid-structure";

    /// <inheritdoc />
    public string Artifact => "architecture.mmd";

    /// <inheritdoc />
    public Task<ArtifactValidation> ValidateAsync(DesignDocument document, CancellationToken cancellationToken)
    {
        var text = document.Design?.Architecture.Mermaid ?? "";
        var header = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.Length > 0 && !l.StartsWith("%%", StringComparison.Ordinal)) ?? "";
        return Task.FromResult(OtherDiagram().IsMatch(header)
            ? Skipped(Artifact, Name, $"the structural pre-check covers flowcharts only, not '{header.Split(' ')[0]}'; Mermaid's parser checks it")
            : From(Artifact, Name, Check(text)));
    }

    /// <summary>Checks a flowchart and returns its problems.</summary>
    public static List<ValidationMessage> Check(string text)
    {
        var messages = new List<ValidationMessage>();
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("%%", StringComparison.Ordinal));
        if (first < 0)
        {
            messages.Add(Error("the diagram is empty", 1, 1));
            return messages;
        }

        if (!Header().IsMatch(lines[first].Trim()))
        {
            messages.Add(Error($"expected 'flowchart' or 'graph' with a direction (TB, TD, BT, RL, LR), found '{lines[first].Trim()}'", first + 1, 1));
            return messages;
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        var edges = new List<(string From, string To, int Line)>();
        for (var i = first + 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith("%%", StringComparison.Ordinal) || Keyword().IsMatch(line))
            {
                continue;
            }

            if (line.Count(c => c == '"') % 2 != 0)
            {
                messages.Add(Error("unbalanced double quote", i + 1, line.IndexOf('"', StringComparison.Ordinal) + 1));
                continue;
            }

            var unquoted = Quoted().Replace(line, "\"\"");
            foreach (var (open, close) in new[] { ('[', ']'), ('(', ')'), ('{', '}') })
            {
                if (unquoted.Count(c => c == open) != unquoted.Count(c => c == close))
                {
                    messages.Add(Error($"unbalanced '{open}{close}' brackets", i + 1, 1));
                }
            }

            var edge = Edge().Match(unquoted);
            if (edge.Success)
            {
                edges.Add((edge.Groups["from"].Value, edge.Groups["to"].Value, i + 1));
                foreach (var side in new[] { "fromShape", "toShape" })
                {
                    if (edge.Groups[side].Value.Length > 0)
                    {
                        declared.Add(edge.Groups[side == "fromShape" ? "from" : "to"].Value);
                    }
                }

                continue;
            }

            var node = Node().Match(unquoted);
            if (node.Success)
            {
                declared.Add(node.Groups["id"].Value);
            }
            else
            {
                messages.Add(Error($"cannot read this line as a node or an edge: '{line}'", i + 1, 1));
            }
        }

        // Flowcharts create a node on first mention, so a misspelt id is not a parse error. An id used only in
        // edges that is one or two letters away from a declared node is almost surely a typo.
        foreach (var (from, to, line) in edges)
        {
            foreach (var id in new[] { from, to }.Where(id => !declared.Contains(id)).Distinct())
            {
                var near = declared.FirstOrDefault(d => Distance(d, id) <= Math.Min(2, Math.Max(1, d.Length / 3)));
                if (near is not null)
                {
                    messages.Add(Error($"edge refers to node '{id}', which is never declared; did you mean '{near}'? (misspelt id)", line, 1));
                }
                else if (declared.Count > 0)
                {
                    messages.Add(Warning($"node '{id}' appears only in edges and is never declared with a label", line, 1));
                }
            }
        }

        if (declared.Count == 0 && edges.Count == 0)
        {
            messages.Add(Error("the diagram declares no nodes", first + 1, 1));
        }

        return messages;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^(?:sequenceDiagram|classDiagram|stateDiagram|erDiagram|journey|gantt|pie|gitGraph|mindmap|timeline|C4\w+|quadrantChart|requirementDiagram|sankey|xychart|block|architecture|packet|kanban|radar)")]
    private static partial Regex OtherDiagram();

    [GeneratedRegex(@"^(?:flowchart|graph)\s+(?:TB|TD|BT|RL|LR)\s*;?$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^(?:classDef|class|style|linkStyle|click|subgraph|end|direction)\b")]
    private static partial Regex Keyword();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^(?<id>[A-Za-z_][\w-]*)\s*(?:\(\[|\[\(|\[\[|\{\{|\(\(|\[|\(|\{|>)")]
    private static partial Regex Node();

    [GeneratedRegex(@"^(?<from>[A-Za-z_][\w-]*)(?<fromShape>\s*[\[({>][^-=.]*?)?\s*(?:-->|-\.->|==>|---|-\.-|===|--x|--o)\s*(?:\|[^|]*\|)?\s*(?<to>[A-Za-z_][\w-]*)(?<toShape>\s*[\[({>].*)?$")]
    private static partial Regex Edge();
}
