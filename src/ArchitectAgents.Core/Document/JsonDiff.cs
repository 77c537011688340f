using System.Text.Json;

namespace ArchitectAgents.Core.Document;

/// <summary>Which fields of a section changed between two revisions, two levels deep.</summary>
public static class JsonDiff
{
    private static readonly HashSet<string> Provenance = ["author", "revision", "updatedAt", "sources"];

    /// <summary>Paths such as <c>api.openApiYaml</c> or <c>risks</c> whose values differ; provenance fields are ignored.</summary>
    public static List<string> ChangedPaths(JsonElement before, JsonElement after)
    {
        var changed = new List<string>();
        Compare(before, after, "", depth: 0, changed);
        return changed;
    }

    private static void Compare(JsonElement before, JsonElement after, string path, int depth, List<string> changed)
    {
        if (before.ValueKind == JsonValueKind.Object && after.ValueKind == JsonValueKind.Object && depth < 2)
        {
            var names = before.EnumerateObject().Select(p => p.Name).Union(after.EnumerateObject().Select(p => p.Name));
            foreach (var name in names.Where(n => depth > 0 || !Provenance.Contains(n)))
            {
                var hasBefore = before.TryGetProperty(name, out var b);
                var hasAfter = after.TryGetProperty(name, out var a);
                var child = path.Length == 0 ? name : path + "." + name;
                if (hasBefore != hasAfter)
                {
                    changed.Add(child);
                }
                else
                {
                    Compare(b, a, child, depth + 1, changed);
                }
            }

            return;
        }

        if (!JsonElement.DeepEquals(before, after))
        {
            changed.Add(path.Length == 0 ? "(whole section)" : path);
        }
    }
}
