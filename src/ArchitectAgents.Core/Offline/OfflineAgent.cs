using System.Runtime.CompilerServices;
using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// A deterministic agent of the embedded default model: reads the same JSON input a model would get and
/// replies with the same JSON contract, worked out with rules and the shipped knowledge base.
/// </summary>
public abstract class OfflineAgent : AIAgent
{
    /// <summary>The agent id this implementation serves.</summary>
    public abstract string AgentId { get; }

    /// <summary>Simulated model latency per call (demos, benchmarks and crash tests); zero by default.</summary>
    public TimeSpan Latency { get; set; }

    /// <inheritdoc />
    protected override string? IdCore => "offline-" + AgentId;

    /// <inheritdoc />
    public override string? Name => AgentId;

    /// <summary>Produces the output for one input.</summary>
    protected abstract AgentOutput Produce(AgentInput input);

    /// <summary>Produces the output for one input; agents that look things up over the network override this.</summary>
    protected virtual ValueTask<AgentOutput> ProduceAsync(AgentInput input, CancellationToken cancellationToken) => new(Produce(input));

    /// <summary>Wraps sections into an output.</summary>
    protected static AgentOutput Output(string outcome, string notes, params (string Name, SectionBase Content)[] sections) => new()
    {
        Outcome = outcome,
        Notes = notes,
        Sections = sections.ToDictionary(s => s.Name, s => JsonSerializer.SerializeToElement(s.Content, SectionNames.TypeOf(s.Name), DocumentJson.Options)),
    };

    /// <inheritdoc />
    protected override async Task<AgentResponse> RunCoreAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken).ConfigureAwait(false);
        }

        var text = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text
            ?? throw new InvalidOperationException($"{AgentId}: no input message");
        var input = JsonSerializer.Deserialize<AgentInput>(text, DocumentJson.Options)
            ?? throw new InvalidOperationException($"{AgentId}: the input is not an AgentInput");
        var output = await ProduceAsync(input, cancellationToken).ConfigureAwait(false);
        var reply = new ChatMessage(ChatRole.Assistant, JsonSerializer.Serialize(output, DocumentJson.Options)) { AuthorName = AgentId };
        return new AgentResponse(reply) { AgentId = Id };
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<AgentResponseUpdate> RunCoreStreamingAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await RunCoreAsync(messages, session, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToAgentResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    protected override ValueTask<AgentSession> CreateSessionCoreAsync(CancellationToken cancellationToken = default) => new(new OfflineSession());

    /// <inheritdoc />
    protected override ValueTask<AgentSession> DeserializeSessionCoreAsync(JsonElement serializedState, JsonSerializerOptions? jsonSerializerOptions = null, CancellationToken cancellationToken = default) =>
        new(new OfflineSession());

    /// <inheritdoc />
    protected override ValueTask<JsonElement> SerializeSessionCoreAsync(AgentSession session, JsonSerializerOptions? jsonSerializerOptions = null, CancellationToken cancellationToken = default) =>
        new(JsonSerializer.SerializeToElement(new { }));

    private sealed class OfflineSession : AgentSession;
}
