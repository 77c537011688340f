namespace ArchitectAgents.Tests.Common;

/// <summary>Finds the repository's folders from a test binary.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Agents => Path.Combine(Root, "agents");

    public static string Workflows => Path.Combine(Root, "workflows");

    public static string DefaultWorkflow => Path.Combine(Workflows, "architect-design.yaml");

    public static string Briefs => Path.Combine(Root, "examples", "briefs");

    public static string Brief(string name) => Path.Combine(Briefs, name + ".md");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArchitectAgents.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ArchitectAgents.sln not found above " + AppContext.BaseDirectory);
    }
}
