using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Bench.Engine;

/// <summary>Base of the benchmark's agents: a MAF <see cref="AIAgent"/> whose whole behaviour is one reply function.</summary>
public abstract class ReplyingAgent(string agentId) : AIAgent
{
    /// <summary>The agent id this instance answers for.</summary>
    public string AgentId { get; } = agentId;

    /// <inheritdoc />
    protected override string? IdCore => "bench-" + AgentId;

    /// <inheritdoc />
    public override string? Name => AgentId;

    /// <summary>Produces the reply.</summary>
    protected abstract Task<AgentResponse> ReplyAsync(IReadOnlyList<ChatMessage> messages, AgentSession? session, AgentRunOptions? options, CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override Task<AgentResponse> RunCoreAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, CancellationToken cancellationToken = default) =>
        ReplyAsync(messages as IReadOnlyList<ChatMessage> ?? [.. messages], session, options, cancellationToken);

    /// <inheritdoc />
    protected override async IAsyncEnumerable<AgentResponseUpdate> RunCoreStreamingAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await RunCoreAsync(messages, session, options, cancellationToken);
        foreach (var update in response.ToAgentResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    protected override ValueTask<AgentSession> CreateSessionCoreAsync(CancellationToken cancellationToken = default) => new(new BenchSession());

    /// <inheritdoc />
    protected override ValueTask<AgentSession> DeserializeSessionCoreAsync(JsonElement serializedState, JsonSerializerOptions? jsonSerializerOptions = null, CancellationToken cancellationToken = default) =>
        new(new BenchSession());

    /// <inheritdoc />
    protected override ValueTask<JsonElement> SerializeSessionCoreAsync(AgentSession session, JsonSerializerOptions? jsonSerializerOptions = null, CancellationToken cancellationToken = default) =>
        new(JsonSerializer.SerializeToElement(new { }));

    private sealed class BenchSession : AgentSession;
}
