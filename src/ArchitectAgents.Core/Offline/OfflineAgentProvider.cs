using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Models;
using Microsoft.Agents.AI;

namespace ArchitectAgents.Core.Offline;

/// <summary>The embedded default model: deterministic agents, no key, no network.</summary>
public sealed class OfflineAgentProvider(TimeSpan latency = default) : IAgentProvider
{
    private readonly Dictionary<string, Func<AIAgent>> _factories = new(StringComparer.Ordinal)
    {
        ["context-gatherer"] = () => new ContextGathererAgent(),
        ["docs-verifier"] = () => new DocsVerifierAgent(),
        ["designer"] = () => new DesignerAgent(),
        ["security-reviewer"] = () => new SecurityReviewerAgent(),
        ["checklist-gate"] = () => new ChecklistGateAgent(),
    };

    /// <summary>Registers or replaces the implementation of an agent id (tests, plug-ins).</summary>
    public OfflineAgentProvider With(string agentId, Func<AIAgent> factory)
    {
        _factories[agentId] = factory;
        return this;
    }

    /// <summary>Creates the offline implementation of a definition.</summary>
    public AIAgent Create(AgentDefinition definition)
    {
        var agent = _factories.TryGetValue(definition.Id, out var factory)
            ? factory()
            : throw new CatalogException($"{definition.SourcePath}: agent '{definition.Id}' runs on model '{definition.Model}', which is the offline model, and there is no offline implementation of '{definition.Id}'; point 'model' at a configured provider");
        if (agent is OfflineAgent offline && latency > TimeSpan.Zero)
        {
            offline.Latency = latency;
        }

        return agent;
    }

    /// <inheritdoc />
    public AgentBinding Bind(AgentDefinition definition, string? modelOverride = null) =>
        new(Create(definition), modelOverride ?? "offline", ModelPricing.Free);
}
