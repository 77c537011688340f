using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ArchitectAgents.Cli;

/// <summary>
/// Configuration and definition files. A relative path is looked up in the current directory first,
/// then beside the binary (where the build copies agents/, workflows/ and appsettings.json).
/// </summary>
internal sealed class CliEnvironment
{
    private CliEnvironment(IConfiguration configuration) => Configuration = configuration;

    public IConfiguration Configuration { get; }

    /// <summary>The configured models; a bad entry is the user's to fix, so it is reported as bad input.</summary>
    public ModelCatalog Models => _models ??= LoadModels();

    private ModelCatalog? _models;

    private ModelCatalog LoadModels()
    {
        try
        {
            return ModelCatalog.Load(Configuration);
        }
        catch (CatalogException ex)
        {
            throw new BadInputException(ex.Message);
        }
    }

    /// <summary>Warnings (retries, refusals) go to standard error, never the deliverables or standard output.</summary>
    public static ILoggerFactory CreateLoggerFactory() => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(LogLevel.Warning)
        .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));

    public static CliEnvironment Load() => new(new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        // The service's own variables (ConnectionStrings__Runs, Models__gpt__ApiKey) apply to the CLI too, so
        // 'architect keys create' writes to the store the service reads; ARCHITECT_-prefixed ones win for the CLI alone.
        .AddEnvironmentVariables()
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
