using System.Collections.Concurrent;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Core.Offline;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Bench.Engine;

/// <summary>
/// Agents that cost nothing: the first call of each agent id asks the real offline agent for a valid reply (so
/// the reply contract, section permissions and routing see a realistic document), every later call returns that
/// same text. What is left of a run is the engine itself.
/// </summary>
public sealed class NoOpAgentProvider : IAgentProvider
{
    private readonly OfflineAgentProvider _offline = new();
    private readonly ConcurrentDictionary<string, string> _replies = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public AgentBinding Bind(AgentDefinition definition, string? modelOverride = null) =>
        new(new NoOpAgent(definition.Id, () => _offline.Create(definition), _replies), "no-op", ModelPricing.Free);

    private sealed class NoOpAgent(string agentId, Func<AIAgent> real, ConcurrentDictionary<string, string> replies) : ReplyingAgent(agentId)
    {
        protected override async Task<AgentResponse> ReplyAsync(IReadOnlyList<ChatMessage> messages, AgentSession? session, AgentRunOptions? options, CancellationToken cancellationToken)
        {
            if (!replies.TryGetValue(AgentId, out var text))
            {
                text = (await real().RunAsync(messages, cancellationToken: cancellationToken)).Text;
                replies[AgentId] = text;
            }

            return new AgentResponse(new ChatMessage(ChatRole.Assistant, text) { AuthorName = AgentId }) { AgentId = Id };
        }
    }
}
