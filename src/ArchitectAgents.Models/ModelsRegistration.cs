using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchitectAgents.Models;

/// <summary>Registers the model catalog and the agent provider that binds agents to it.</summary>
public static class ModelsRegistration
{
    /// <summary>
    /// Adds <see cref="ModelCatalog"/>, <see cref="OfflineAgentProvider"/> and <see cref="IAgentProvider"/> (unless one is
    /// registered already). Tool sources are every registered <see cref="IAgentToolSource"/>.
    /// </summary>
    public static IServiceCollection AddArchitectModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => ModelCatalog.Load(configuration));
        services.TryAddSingleton(_ => new OfflineAgentProvider());
        services.TryAddSingleton(sp => new ChatClientFactory(sp.GetRequiredService<ModelCatalog>(), sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.TryAddSingleton<IAgentProvider>(sp => new ModelAgentProvider(
            sp.GetRequiredService<ModelCatalog>(),
            sp.GetRequiredService<OfflineAgentProvider>(),
            sp.GetRequiredService<ChatClientFactory>(),
            sp.GetServices<IAgentToolSource>()));
        return services;
    }
}
