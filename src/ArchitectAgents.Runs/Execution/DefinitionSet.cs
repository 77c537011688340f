using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Workflows;
using Microsoft.Extensions.Configuration;

namespace ArchitectAgents.Runs.Execution;

/// <summary>The agent catalog and every workflow, loaded and validated once at start.</summary>
public sealed class DefinitionSet
{
    private DefinitionSet(AgentCatalog catalog, IReadOnlyDictionary<string, WorkflowDefinition> workflows, string defaultWorkflow)
    {
        Catalog = catalog;
        Workflows = workflows;
        DefaultWorkflow = defaultWorkflow;
    }

    /// <summary>The agents.</summary>
    public AgentCatalog Catalog { get; }

    /// <summary>Workflows by id.</summary>
    public IReadOnlyDictionary<string, WorkflowDefinition> Workflows { get; }

    /// <summary>Id of the workflow used when a request names none.</summary>
    public string DefaultWorkflow { get; }

    /// <summary>Loads <c>Catalog:AgentsPath</c> and every <c>*.yaml</c> under <c>Catalog:WorkflowsPath</c>.</summary>
    /// <exception cref="CatalogException">A definition file is invalid.</exception>
    public static DefinitionSet Load(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var catalog = AgentCatalog.LoadDirectory(Locate(configuration["Catalog:AgentsPath"] ?? "agents", contentRoot));
        var folder = Locate(configuration["Catalog:WorkflowsPath"] ?? "workflows", contentRoot);
        var workflows = Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => WorkflowLoader.LoadFile(f, catalog))
            .ToDictionary(w => w.Id, StringComparer.Ordinal);
        var defaultWorkflow = configuration["Catalog:DefaultWorkflow"] ?? "architect-design";
        if (!workflows.ContainsKey(defaultWorkflow))
        {
            throw new CatalogException($"Catalog:DefaultWorkflow names '{defaultWorkflow}', which is not among {string.Join(", ", workflows.Keys)}");
        }

        return new DefinitionSet(catalog, workflows, defaultWorkflow);
    }

    /// <summary>A relative path is looked up under the content root, the current directory, beside the binary, then above it.</summary>
    public static string Locate(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        // Then the folders above the binary, so a build inside a checkout finds the checkout's tools from any directory.
        var above = new List<string>();
        for (var dir = Directory.GetParent(AppContext.BaseDirectory); dir is not null && above.Count < 6; dir = dir.Parent)
        {
            above.Add(dir.FullName);
        }

        return new[] { contentRoot, Directory.GetCurrentDirectory(), AppContext.BaseDirectory }.Concat(above)
            .Select(root => Path.Combine(root, path))
            .FirstOrDefault(Directory.Exists) ?? Path.Combine(AppContext.BaseDirectory, path);
    }
}
