using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArchitectAgents.Runs;

/// <summary>Registers the run store, the definitions, the workflow engine and the background worker.</summary>
public static class RunsRegistration
{
    /// <summary>Adds everything a node needs to accept and execute runs.</summary>
    public static IServiceCollection AddArchitectRuns(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddRunStore();
        services.AddSingleton(_ => DefinitionSet.Load(configuration, contentRoot));
        services.AddSingleton(_ => new ValidatorSet(ValidatorConfiguration.Load(configuration, contentRoot)));
        services.TryAddSingleton<IAgentProvider>(_ => new OfflineAgentProvider(TimeSpan.FromMilliseconds(configuration.GetValue("Models:default:LatencyMs", 0))));
        services.AddSingleton(sp => new WorkflowFactory(
            sp.GetRequiredService<DefinitionSet>().Catalog,
            sp.GetRequiredService<IAgentProvider>(),
            sp.GetRequiredService<ValidatorSet>().Validators,
            sp.GetRequiredService<TimeProvider>(),
            configuration.GetValue("Telemetry:EnableSensitiveData", false)));
        services.AddSingleton<EfCheckpointStore>();
        services.AddSingleton<RunSignals>();
        services.AddSingleton<RunJournal>();
        services.AddMetrics();
        services.AddSingleton<RunMetrics>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<RunService>();
        services.AddHostedService<RunWorker>();
        return services;
    }
}
