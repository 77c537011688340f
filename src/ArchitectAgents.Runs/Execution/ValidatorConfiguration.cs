using ArchitectAgents.Core.Validation;
using Microsoft.Extensions.Configuration;

namespace ArchitectAgents.Runs.Execution;

/// <summary>Reads <see cref="ValidatorOptions"/> the same way for the service and the CLI.</summary>
public static class ValidatorConfiguration
{
    /// <summary>Section <c>Validators</c>, with the tools folder located and <c>ConnectionStrings:Validation</c> as the server fallback.</summary>
    public static ValidatorOptions Load(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(ValidatorOptions.SectionName).Get<ValidatorOptions>() ?? new ValidatorOptions();
        options.NodeToolsPath = DefinitionSet.Locate(options.NodeToolsPath, contentRoot);
        options.PostgresConnectionString ??= configuration.GetConnectionString("Validation");
        return options;
    }
}
