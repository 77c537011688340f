namespace ArchitectAgents.Bench;

/// <summary>Finds the repository from the benchmark binary.</summary>
public static class Repo
{
    /// <summary>The folder above <paramref name="start"/> holding ArchitectAgents.sln.</summary>
    public static string FindRoot(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArchitectAgents.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ArchitectAgents.sln not found above " + (start ?? AppContext.BaseDirectory));
    }
}
