using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Core.Workflows;
using Microsoft.Extensions.Configuration;

namespace ArchitectAgents.Cli;

/// <summary>
/// Configuration and definition files. A relative path is looked up in the current directory first,
/// then beside the binary (where the build copies agents/, workflows/ and appsettings.json).
/// </summary>
internal sealed class CliEnvironment
{
    private CliEnvironment(IConfiguration configuration) => Configuration = configuration;

    public IConfiguration Configuration { get; }

    public static CliEnvironment Load() => new(new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables("ARCHITECT_")
        .Build());

    public AgentCatalog LoadCatalog() => AgentCatalog.LoadDirectory(DefinitionSet.Locate(Configuration["Catalog:AgentsPath"] ?? "agents", Directory.GetCurrentDirectory()));

    public ValidatorSet CreateValidators() => new(ValidatorConfiguration.Load(Configuration, Directory.GetCurrentDirectory()));

    /// <summary>A hint when the Node parsers are not installed, or null.</summary>
    public string? MissingValidatorTools()
    {
        var tools = ValidatorConfiguration.Load(Configuration, Directory.GetCurrentDirectory()).NodeToolsPath;
        return Directory.Exists(Path.Combine(tools, "node_modules", "mermaid"))
            ? null
            : $"the Node parsers are not installed (run: npm ci --prefix {Path.GetRelativePath(Directory.GetCurrentDirectory(), tools)})";
    }

    public WorkflowDefinition LoadWorkflow(AgentCatalog catalog, string? file)
    {
        if (file is not null)
        {
            return WorkflowLoader.LoadFile(file, catalog);
        }

        var folder = DefinitionSet.Locate(Configuration["Catalog:WorkflowsPath"] ?? "workflows", Directory.GetCurrentDirectory());
        var name = Configuration["Catalog:DefaultWorkflow"] ?? "architect-design";
        return WorkflowLoader.LoadFile(Path.Combine(folder, name + ".yaml"), catalog);
    }

}
