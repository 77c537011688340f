using System.Text.Json;
using ArchitectAgents.Core.Tools;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Models;

/// <summary>
/// A <see cref="ChatClientAgent"/> whose tools are resolved on first use: tool sources such as MCP servers are
/// asynchronous to start, and workflows are built synchronously.
/// </summary>
public sealed class ModelBackedAgent : AIAgent
{
    private readonly Func<IReadOnlyList<AITool>, ChatClientAgent> _factory;
    private readonly IReadOnlyList<string> _toolNames;
    private readonly IReadOnlyList<IAgentToolSource> _toolSources;
    private readonly Lock _gate = new();
    private readonly string _id;
    private Task<ChatClientAgent>? _inner;

    /// <summary>Creates the agent.</summary>
    public ModelBackedAgent(string id, string name, string description, IReadOnlyList<string> toolNames, IReadOnlyList<IAgentToolSource> toolSources, Func<IReadOnlyList<AITool>, ChatClientAgent> factory)
    {
        _id = id;
        Name = name;
        Description = description;
        _toolNames = toolNames;
        _toolSources = toolSources;
        _factory = factory;
    }

    /// <inheritdoc />
    public override string? Name { get; }

    /// <inheritdoc />
    public override string? Description { get; }

    /// <inheritdoc />
    protected override string? IdCore => _id;

    /// <inheritdoc />
    protected override async ValueTask<AgentSession> CreateSessionCoreAsync(CancellationToken cancellationToken = default) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).CreateSessionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async ValueTask<AgentSession> DeserializeSessionCoreAsync(JsonElement serializedState, JsonSerializerOptions? jsonSerializerOptions = null, CancellationToken cancellationToken = default) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).DeserializeSessionAsync(serializedState, jsonSerializerOptions, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async ValueTask<JsonElement> SerializeSessionCoreAsync(AgentSession session, JsonSerializerOptions? jsonSerializerOptions = null, CancellationToken cancellationToken = default) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).SerializeSessionAsync(session, jsonSerializerOptions, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async Task<AgentResponse> RunCoreAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, CancellationToken cancellationToken = default) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).RunAsync(messages, session, options, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async IAsyncEnumerable<AgentResponseUpdate> RunCoreStreamingAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var inner = await InnerAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var update in inner.RunStreamingAsync(messages, session, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private Task<ChatClientAgent> InnerAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            // A failed tool lookup (a tool server down) is tried again on the next call rather than cached.
            if (_inner is null || _inner.IsFaulted || _inner.IsCanceled)
            {
                _inner = CreateAsync(ct);
            }

            return _inner;
        }
    }

    private async Task<ChatClientAgent> CreateAsync(CancellationToken ct)
    {
        var tools = new List<AITool>();
        if (_toolNames.Count > 0)
        {
            foreach (var source in _toolSources)
            {
                tools.AddRange(await source.GetToolsAsync(_toolNames, ct).ConfigureAwait(false));
            }
        }

        return _factory(tools);
    }
}
