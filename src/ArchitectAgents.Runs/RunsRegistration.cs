using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Tools;
using ArchitectAgents.Core.Verification;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Models;
using ArchitectAgents.Runs.Deliveries;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Scheduling;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Verification;
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
        services.TryAddSingleton(_ => VerificationConfiguration.Load(configuration));
        services.TryAddSingleton<IVerificationCache, EfVerificationCache>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<VerificationOptions>();
            return new TechnologyVerifier(options, sp.GetRequiredService<IVerificationCache>(), VerificationConfiguration.CreateHttpClient(options), sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton(sp => new Context7ToolSource(sp.GetRequiredService<VerificationOptions>().Context7));
        services.AddSingleton<IAgentToolSource>(sp => sp.GetRequiredService<Context7ToolSource>());
        // The offline agents, with the lookup-backed docs verifier when Verification:Enabled is on; the model
        // provider binds agents whose model is offline to them.
        services.TryAddSingleton(sp => new OfflineAgentProvider()
            .UseVerification(sp.GetRequiredService<VerificationOptions>(), sp.GetRequiredService<TechnologyVerifier>));
        services.AddArchitectModels(configuration);
        services.AddSingleton(sp => new WorkflowFactory(
            sp.GetRequiredService<DefinitionSet>().Catalog,
            sp.GetRequiredService<IAgentProvider>(),
            sp.GetRequiredService<ValidatorSet>().Validators,
            sp.GetRequiredService<TimeProvider>(),
            configuration.GetValue("Telemetry:EnableSensitiveData", false),
            sp.GetRequiredService<EfNodeJournal>()));
        services.AddSingleton<EfCheckpointStore>();
        services.AddSingleton<EfNodeJournal>();
        services.AddSingleton<RunSignals>();
        services.AddSingleton<RunJournal>();
        services.AddMetrics();
        services.AddSingleton<RunMetrics>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<RunService>();
        services.AddSingleton<RunDeliverables>();
        services.AddOptions<SchedulingOptions>().Configure<IConfiguration>((o, c) =>
        {
            c.GetSection("Scheduling").Bind(o);
            if (c["Node:Role"] is { Length: > 0 } role)
            {
                o.Role = Enum.TryParse<NodeRole>(role, ignoreCase: true, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Node:Role '{role}' is not one of all, api, worker");
            }
        });
        services.AddSingleton<RunScheduler>();
        services.AddSingleton<IRunDispatcher>(sp => sp.GetRequiredService<RunScheduler>());
        services.AddTransient<RunJob>();
        services.AddTransient<DeliveryJob>();
        services.AddHostedService<NodeRoleGuard>();
        services.AddHostedService<RunMaintenance>();
        services.AddRunDeliveries();
        return services;
    }
}
