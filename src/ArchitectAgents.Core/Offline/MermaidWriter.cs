using System.Text;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Offline;

/// <summary>Writes components and flows as a Mermaid flowchart; every label is quoted and sanitised.</summary>
internal static partial class MermaidWriter
{
    public static string Write(IReadOnlyList<Component> components, IReadOnlyList<Flow> flows)
    {
        var sb = new StringBuilder("flowchart LR\n");
        foreach (var c in components)
        {
            var label = Label(c.Name);
            var id = Id(c.Id);
            sb.Append("  ").Append(id).Append(c.Kind switch
            {
                "client" => $"([\"{label}\"])",
                "gateway" or "edge" => $"{{{{\"{label}\"}}}}",
                "database" or "cache" or "storage" => $"[(\"{label}\")]",
                "queue" => $"[[\"{label}\"]]",
                _ => $"[\"{label}\"]",
            }).Append('\n');
        }

        foreach (var f in flows)
        {
            sb.Append("  ").Append(Id(f.From)).Append(f.Async ? " -.->" : " -->").Append("|\"").Append(Label(f.Label)).Append("\"| ").Append(Id(f.To)).Append('\n');
        }

        var external = components.Where(c => c.Kind is "external" or "client").Select(c => Id(c.Id)).ToList();
        var stores = components.Where(c => c.Kind is "database" or "cache" or "storage" or "queue").Select(c => Id(c.Id)).ToList();
        sb.Append("  classDef external fill:#f4f4f4,stroke:#888,stroke-dasharray:4 2\n");
        sb.Append("  classDef store fill:#eef6ff,stroke:#3a6ea5\n");
        if (external.Count > 0)
        {
            sb.Append("  class ").Append(string.Join(',', external)).Append(" external\n");
        }

        if (stores.Count > 0)
        {
            sb.Append("  class ").Append(string.Join(',', stores)).Append(" store\n");
        }

        return sb.ToString();
    }

    /// <summary>Mermaid ids: letters, digits and underscores, never a reserved word.</summary>
    internal static string Id(string id)
    {
        var clean = NonId().Replace(id, "_");
        return clean is "end" or "graph" or "subgraph" or "style" or "class" or "click" or "default" ? "n_" + clean : clean;
    }

    private static string Label(string text) => Unsafe().Replace(text, "'").Replace("|", "/", StringComparison.Ordinal).Trim();

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NonId();

    [GeneratedRegex("[\"`\\r\\n;#]")]
    private static partial Regex Unsafe();
}
