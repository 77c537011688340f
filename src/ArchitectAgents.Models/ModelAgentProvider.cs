using System.Collections.Concurrent;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Tools;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Models;

/// <summary>
/// Binds each agent to the model its definition (or the run) names: offline entries to the embedded agents,
/// the others to a <see cref="ChatClientAgent"/> on that provider, asked for the agent's reply schema, with
/// the tools its definition lists.
/// </summary>
public sealed class ModelAgentProvider(ModelCatalog catalog, OfflineAgentProvider offline, ChatClientFactory clients, IEnumerable<IAgentToolSource> toolSources) : IAgentProvider
{
    private readonly ConcurrentDictionary<string, IChatClient> _clients = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<IAgentToolSource> _toolSources = [.. toolSources];

    /// <summary>The model catalog in use.</summary>
    public ModelCatalog Catalog => catalog;

    /// <inheritdoc />
    public AgentBinding Bind(AgentDefinition definition, string? modelOverride = null)
    {
        var name = modelOverride ?? definition.Model;
        ModelSettings settings;
        try
        {
            settings = catalog.Get(name);
        }
        catch (CatalogException ex)
        {
            throw new CatalogException($"{definition.SourcePath}: agent '{definition.Id}': {ex.Message}", ex);
        }

        if (settings.Provider == ModelProviderKind.Offline)
        {
            var agent = offline.Create(definition);
            if (settings.LatencyMs > 0 && agent is OfflineAgent simulated)
            {
                simulated.Latency = TimeSpan.FromMilliseconds(settings.LatencyMs);
            }

            return new AgentBinding(agent, name, ModelPricing.Free);
        }

        var client = _clients.GetOrAdd(settings.Name, _ => clients.Create(settings));
        var mode = settings.EffectiveStructuredOutput;
        var contract = AgentReplyContract.For(definition);
        var model = new ModelBackedAgent(definition.Id, definition.Name, definition.Description, definition.Tools, _toolSources, tools => new ChatClientAgent(client, new ChatClientAgentOptions
        {
            Id = definition.Id,
            Name = definition.Id,
            Description = definition.Description,
            ChatOptions = new ChatOptions
            {
                Instructions = AgentInstructions.For(definition, includeSchema: mode != StructuredOutputMode.Native),
                ResponseFormat = mode switch
                {
                    StructuredOutputMode.Native => ChatResponseFormat.ForJsonSchema(contract.Schema, "agent_reply", $"Reply of agent {definition.Id}: the sections it writes and its outcome"),
                    StructuredOutputMode.JsonMode => ChatResponseFormat.Json,
                    _ => null,
                },
                MaxOutputTokens = settings.MaxOutputTokens,
                Temperature = settings.Temperature,
                Tools = tools.Count > 0 ? [.. tools] : null,
            },
        }));
        return new AgentBinding(model, name, new ModelPricing(settings.InputPricePerMillion, settings.OutputPricePerMillion), settings.MaxRepairs);
    }
}
