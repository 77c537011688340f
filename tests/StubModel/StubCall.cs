using System.Text.Json.Nodes;

namespace ArchitectAgents.StubModel;

/// <summary>One request the stub received.</summary>
/// <param name="Agent">Agent id read from the engine's user message, or "" when there was none.</param>
/// <param name="Path">Request path, e.g. /v1/chat/completions or /openai/deployments/x/chat/completions.</param>
/// <param name="Authorization">The Authorization or api-key header as sent.</param>
/// <param name="Body">The request body.</param>
/// <param name="Status">The status the stub answered with.</param>
/// <param name="InputTokens">Input tokens the stub counted and reported.</param>
/// <param name="OutputTokens">Output tokens the stub counted and reported.</param>
/// <param name="At">When it arrived.</param>
public sealed record StubCall(string Agent, string Path, string? Authorization, JsonObject Body, int Status, long InputTokens, long OutputTokens, DateTimeOffset At)
{
    /// <summary>Run id read from the engine's user message.</summary>
    public string RunId => Field("runId") ?? "";

    /// <summary>The agent's round in its run, from the engine's user message.</summary>
    public int Round => int.TryParse(Field("round"), out var round) ? round : 0;

    /// <summary>The messages of the request.</summary>
    public JsonArray Messages => Body["messages"] as JsonArray ?? [];

    /// <summary>Text of the system (or developer) message.</summary>
    public string SystemText => string.Join("\n", Messages.OfType<JsonObject>()
        .Where(m => (string?)m["role"] is "system" or "developer").Select(m => StubModelServer.TextOf(m["content"])));

    /// <summary>Text of the first user message (the engine's input JSON).</summary>
    public string FirstUserText => Messages.OfType<JsonObject>().Where(m => (string?)m["role"] == "user").Select(m => StubModelServer.TextOf(m["content"])).FirstOrDefault() ?? "";

    private string? Field(string name)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(FirstUserText)?[name]?.ToString();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
