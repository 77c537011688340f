using ArchitectAgents.Core.Catalog;
using Microsoft.Agents.AI;

namespace ArchitectAgents.Core.Engine;

/// <summary>Creates the MAF agent that runs an agent definition on its configured model.</summary>
public interface IAgentProvider
{
    /// <summary>Creates the agent, or throws <see cref="CatalogException"/> naming what is missing.</summary>
    AIAgent Create(AgentDefinition definition);

    /// <summary>Name of the model the definition runs on, for usage records.</summary>
    string ModelNameFor(AgentDefinition definition);
}
