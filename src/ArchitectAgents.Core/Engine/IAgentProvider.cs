using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Models;

namespace ArchitectAgents.Core.Engine;

/// <summary>Creates the MAF agent that runs an agent definition on its configured model.</summary>
public interface IAgentProvider
{
    /// <summary>
    /// Binds the definition to a model: the one it names, or <paramref name="modelOverride"/> when a run overrides it.
    /// Throws <see cref="CatalogException"/> naming what is missing.
    /// </summary>
    AgentBinding Bind(AgentDefinition definition, string? modelOverride = null);
}
