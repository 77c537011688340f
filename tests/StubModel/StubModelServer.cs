using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Offline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArchitectAgents.StubModel;

/// <summary>
/// A local OpenAI-compatible chat completions server on loopback, for tests and benchmarks. It serves the
/// OpenAI path (<c>/v1/chat/completions</c>) and the Azure OpenAI deployment path, answers each agent like
/// the offline agent would (so a whole run works) unless a reply was scripted for it, counts tokens as
/// characters / 4 and reports them as usage, and records every request.
/// </summary>
public sealed class StubModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<StubReply>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StubCall> _calls = new();
    private readonly OfflineAgentProvider _offline = new();
    private int _sequence;

    private StubModelServer(WebApplication app) => _app = app;

    /// <summary>Base URL, e.g. http://127.0.0.1:43111 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The OpenAI-style endpoint to configure: <see cref="BaseUrl"/> + /v1.</summary>
    public string OpenAIEndpoint => BaseUrl + "/v1";

    /// <summary>Latency added to every reply.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<StubCall> Calls => [.. _calls];

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<StubModelServer> StartAsync(TimeSpan latency = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StubModelServer(app) { Latency = latency };
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/chat/completions", server.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync);
        app.MapPost("/openai/v1/chat/completions", server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return server;
    }

    /// <summary>Queues replies for an agent id (or <c>*</c> for any agent); once used up, the agent gets offline answers again.</summary>
    public void Script(string agent, params StubReply[] replies)
    {
        var queue = _scripts.GetOrAdd(agent, _ => new ConcurrentQueue<StubReply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    /// <summary>Requests made for one agent.</summary>
    public IReadOnlyList<StubCall> CallsFor(string agent) => [.. _calls.Where(c => c.Agent == agent)];

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    internal static string TextOf(JsonNode? content) => content switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => (string?)p["text"] ?? "")),
        _ => "",
    };

    private async Task HandleAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body).ConfigureAwait(false)) as JsonObject ?? [];
        var messages = body["messages"] as JsonArray ?? [];
        var firstUser = messages.OfType<JsonObject>().Where(m => (string?)m["role"] == "user").Select(m => TextOf(m["content"])).FirstOrDefault() ?? "";
        var agent = AgentOf(firstUser);
        var authorization = http.Request.Headers.Authorization.FirstOrDefault() ?? http.Request.Headers["api-key"].FirstOrDefault();
        var inputTokens = Tokens(messages.ToJsonString()) + Tokens(body["tools"]?.ToJsonString() ?? "") + Tokens(body["response_format"]?.ToJsonString() ?? "");

        var reply = Next(agent) ?? StubReply.Offline();
        var delay = Latency + reply.Delay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, http.RequestAborted).ConfigureAwait(false);
        }

        if (reply.Status != 200)
        {
            _calls.Enqueue(new StubCall(agent, http.Request.Path, authorization, body, reply.Status, 0, 0, DateTimeOffset.UtcNow));
            http.Response.StatusCode = reply.Status;
            if (reply.RetryAfterSeconds is { } retry)
            {
                http.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(reply.Content ?? "{}").ConfigureAwait(false);
            return;
        }

        JsonObject message;
        string finish;
        if (reply.ToolCall is { } call)
        {
            message = new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"call_{Interlocked.Increment(ref _sequence)}",
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
                }),
            };
            finish = "tool_calls";
        }
        else
        {
            var text = reply.Content ?? await OfflineAnswerAsync(agent, firstUser, http.RequestAborted).ConfigureAwait(false);
            if (reply.Content is null && reply.Transform is { } transform)
            {
                text = transform(text);
            }

            message = new JsonObject { ["role"] = "assistant", ["content"] = text };
            finish = "stop";
        }

        var outputTokens = Tokens(message.ToJsonString());
        _calls.Enqueue(new StubCall(agent, http.Request.Path, authorization, body, 200, inputTokens, outputTokens, DateTimeOffset.UtcNow));
        var response = new JsonObject
        {
            ["id"] = $"chatcmpl-stub-{Interlocked.Increment(ref _sequence)}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = (string?)body["model"] ?? "stub",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputTokens, ["completion_tokens"] = outputTokens, ["total_tokens"] = inputTokens + outputTokens },
        };
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(response.ToJsonString()).ConfigureAwait(false);
    }

    private StubReply? Next(string agent)
    {
        foreach (var key in new[] { agent, "*" })
        {
            if (_scripts.TryGetValue(key, out var queue) && queue.TryDequeue(out var reply))
            {
                return reply;
            }
        }

        return null;
    }

    private async Task<string> OfflineAnswerAsync(string agent, string input, CancellationToken ct)
    {
        var definition = new AgentDefinition
        {
            Id = agent,
            Name = agent,
            Description = "",
            Reads = [],
            Writes = [],
            Outcomes = [],
            Model = "offline",
            Tools = [],
            Instructions = "",
            SourcePath = "stub",
        };
        var offline = _offline.Create(definition);
        var response = await offline.RunAsync(new ChatMessage(ChatRole.User, input), cancellationToken: ct).ConfigureAwait(false);
        return response.Text;
    }

    private static string AgentOf(string firstUser)
    {
        try
        {
            using var doc = JsonDocument.Parse(firstUser);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("agent", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    /// <summary>Roughly what a BPE tokenizer gives for English and JSON: one token per four characters.</summary>
    public static long Tokens(string text) => (text.Length + 3) / 4;
}
