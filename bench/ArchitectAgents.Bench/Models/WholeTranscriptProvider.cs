using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Bench.Engine;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Models;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Bench.Models;

/// <summary>
/// The whole-transcript baseline of the token item: wraps the real provider so that every agent call also carries
/// the full document so far (the brief and every section written) and every previous agent reply, as most chat-style
/// orchestrations do. The engine's own section-scoped input stays the first user message, so the stub model
/// identifies the agent and answers exactly as it does without the wrapper. One instance per run.
/// </summary>
public sealed class WholeTranscriptProvider(IAgentProvider inner, string brief) : IAgentProvider
{
    private readonly object _lock = new();
    private readonly JsonObject _document = new() { ["brief"] = brief };
    private readonly JsonArray _replies = [];

    /// <inheritdoc />
    public AgentBinding Bind(AgentDefinition definition, string? modelOverride = null)
    {
        var binding = inner.Bind(definition, modelOverride);
        return binding with { Agent = new TranscriptAgent(definition.Id, binding.Agent, this) };
    }

    private ChatMessage Transcript()
    {
        lock (_lock)
        {
            var text = new JsonObject { ["document"] = _document.DeepClone(), ["previousReplies"] = _replies.DeepClone() }.ToJsonString();
            return new ChatMessage(ChatRole.User, "The whole transcript of this run so far, for context:\n" + text);
        }
    }

    private void Record(string agent, string reply)
    {
        lock (_lock)
        {
            _replies.Add(new JsonObject { ["agent"] = agent, ["reply"] = reply });
            try
            {
                if (JsonNode.Parse(reply) is JsonObject parsed && parsed["sections"] is JsonObject sections)
                {
                    foreach (var (name, content) in sections)
                    {
                        _document[name] = content?.DeepClone();
                    }
                }
            }
            catch (JsonException)
            {
                // A reply the contract will reject still goes into the transcript as text.
            }
        }
    }

    private sealed class TranscriptAgent(string agentId, AIAgent agent, WholeTranscriptProvider owner) : ReplyingAgent(agentId)
    {
        protected override async Task<AgentResponse> ReplyAsync(IReadOnlyList<ChatMessage> messages, AgentSession? session, AgentRunOptions? options, CancellationToken cancellationToken)
        {
            var response = await agent.RunAsync([.. messages, owner.Transcript()], session, options, cancellationToken);
            owner.Record(AgentId, response.Text);
            return response;
        }

        protected override ValueTask<AgentSession> CreateSessionCoreAsync(CancellationToken cancellationToken = default) => agent.CreateSessionAsync(cancellationToken);
    }
}
