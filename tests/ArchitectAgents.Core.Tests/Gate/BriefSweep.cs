using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Rendering;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Core.Tests.Gate;

/// <summary>
/// The briefs the offline designer is measured on: the repository's examples and, when the shared dev set is
/// checked out beside the repository, its 14 annotated briefs.
/// </summary>
internal static class BriefSweep
{
    /// <summary>The dev set lives outside the repository; the sweep uses it when present.</summary>
    public static string DevSet => Environment.GetEnvironmentVariable("ARCHITECT_DEV_BRIEFS") is { Length: > 0 } path ? path : Path.Combine(RepoPaths.Root, "..", "shared", "briefs");

    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(RepoPaths.Briefs, "*.md")
            .Concat(Directory.Exists(DevSet) ? Directory.EnumerateFiles(DevSet, "*.md") : [])
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Writes each run's deliverables under a folder named after the brief, so a person can read what the gate saw.</summary>
    public static void Dump(string dir, string brief, DesignDocument doc)
    {
        var target = Path.Combine(dir, brief);
        Directory.CreateDirectory(target);
        foreach (var (name, text) in DeliverableRenderer.Render(doc))
        {
            File.WriteAllText(Path.Combine(target, name), text);
        }
    }
}
