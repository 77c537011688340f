using System.Net;
using System.Text.Json;
using ArchitectAgents.Tests.Mcp;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ArchitectAgents.Api.Tests.Mcp;

/// <summary>The MCP server at <c>/mcp</c>, driven by the real MCP client over Streamable HTTP with an API key.</summary>
public sealed class McpHttpTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new();
    private McpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await ConnectAsync(await _api.CreateKeyAsync("mcp-a"));

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _api.DisposeAsync();
    }

    private async Task<McpClient> ConnectAsync(string? key)
    {
        var options = new HttpClientTransportOptions
        {
            Endpoint = new Uri(_api.Server.BaseAddress, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = key is null ? null : new Dictionary<string, string> { ["X-Api-Key"] = key },
        };
        // The factory's in-memory handler: the whole HTTP stack of the service, without a socket.
        var transport = new HttpClientTransport(options, _api.CreateClient(), ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ListTools_NamesTheDesignToolsWithDescribedParameters()
    {
        var tools = await _client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(McpDesignClient.ToolNames, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, t => Assert.False(string.IsNullOrWhiteSpace(t.Description), t.Name));
        foreach (var tool in tools)
        {
            foreach (var parameter in tool.JsonSchema.GetProperty("properties").EnumerateObject())
            {
                Assert.True(parameter.Value.TryGetProperty("description", out _), $"{tool.Name}.{parameter.Name} has no description");
            }
        }

        var start = tools.Single(t => t.Name == "start_design").JsonSchema;
        Assert.Equal(["brief"], start.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("string", start.GetProperty("properties").GetProperty("brief").GetProperty("type").GetString());
    }

    [Fact]
    public async Task StartDesign_WaitWithProgress_DeliverablesAndResources()
    {
        var id = await _client.StartAsync(McpDesignClient.ShortBrief);
        var progress = new McpDesignClient.ProgressLog();

        var run = await _client.WaitForAsync(id, McpDesignClient.Finished, progress);

        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal("pass", run.GetProperty("verdict").GetString());
        Assert.True(run.GetProperty("score").GetInt32() > 0);
        // The client dispatches notifications concurrently, so the last ones may land after the result and in any order.
        Assert.Contains(progress.Values, p => p.Message == "node_completed designer");
        Assert.Contains(progress.Values, p => p.Message == "node_started intake");
        // Each wait_for_run call reports the run's steps from its first one, numbered the same way every time.
        Assert.All(progress.Values.GroupBy(p => p.Progress), step => Assert.Single(step.Select(p => p.Message).Distinct()));
        var status = await _client.CallOkAsync("get_run", new() { ["runId"] = id });
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(0, status.GetProperty("usage").GetProperty("costUsd").GetDecimal());

        var list = await _client.CallOkAsync("get_deliverables", new() { ["runId"] = id });
        Assert.Equal(["architecture.md", "architecture.mmd", "design.json", "openapi.yaml", "review.md", "schema.sql"],
            list.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var openapi = await _client.CallOkAsync("get_deliverables", new() { ["runId"] = id, ["name"] = "openapi.yaml" });
        Assert.StartsWith("openapi:", openapi.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/yaml", openapi.GetProperty("mimeType").GetString());

        var uri = $"architect://runs/{id}/deliverables/openapi.yaml";
        var resources = await _client.ListResourcesAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(6, resources.Count(r => r.Uri.StartsWith($"architect://runs/{id}/", StringComparison.Ordinal)));
        Assert.Equal("application/yaml", resources.Single(r => r.Uri == uri).MimeType);
        var templates = await _client.ListResourceTemplatesAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("text/markdown", templates.Single(t => t.UriTemplate == "architect://runs/{runId}/deliverables/architecture.md").MimeType);
        var read = await _client.ReadResourceAsync(uri, cancellationToken: TestContext.Current.CancellationToken);
        var contents = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        Assert.Equal("application/yaml", contents.MimeType);
        Assert.StartsWith("openapi: 3.1.0", contents.Text, StringComparison.Ordinal);
        var sql = await _client.ReadResourceAsync($"architect://runs/{id}/deliverables/schema.sql", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("CREATE TABLE", Assert.IsType<TextResourceContents>(Assert.Single(sql.Contents)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InteractiveRun_AsksQuestions_AnswerQuestionsResumesIt()
    {
        var id = await _client.StartAsync(McpDesignClient.InteractiveBrief, interactive: true);

        var waiting = await _client.WaitForAsync(id, [.. McpDesignClient.Finished, "awaiting_input"]);
        Assert.Equal("awaiting_input", waiting.GetProperty("status").GetString());
        var questions = waiting.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()).ToList();
        Assert.Contains("q-scale", questions);
        var unknown = await _client.CallErrorAsync("answer_questions", new() { ["runId"] = id, ["answers"] = new Dictionary<string, string> { ["q-nope"] = "x" } });
        Assert.StartsWith("answers.q-nope is not a pending question", unknown, StringComparison.Ordinal);
        var early = await _client.CallErrorAsync("get_deliverables", new() { ["runId"] = id });
        Assert.StartsWith($"runId '{id}' is awaiting_input", early, StringComparison.Ordinal);

        var answered = await _client.CallOkAsync("answer_questions", new()
        {
            ["runId"] = id,
            ["answers"] = new Dictionary<string, string> { ["q-scale"] = "About 4,000 members", ["q-team"] = "Team of 2 developers (Python)" },
        });
        Assert.Equal("queued", answered.GetProperty("status").GetString());

        var done = await _client.WaitForAsync(id, McpDesignClient.Finished);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        var design = await _client.CallOkAsync("get_deliverables", new() { ["runId"] = id, ["name"] = "design.json" });
        using var document = JsonDocument.Parse(design.GetProperty("content").GetString()!);
        Assert.Equal(4000, document.RootElement.GetProperty("context").GetProperty("figures").GetProperty("users").GetProperty("value").GetDouble());
        var late = await _client.CallErrorAsync("answer_questions", new() { ["runId"] = id, ["answers"] = new Dictionary<string, string>() });
        Assert.Contains("answers are accepted only while it is awaiting_input", late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsAnErrorResultNamingTheField()
    {
        Assert.Equal("brief must be a string", await _client.CallErrorAsync("start_design", new() { ["brief"] = 5 }));
        Assert.Equal("brief is required", await _client.CallErrorAsync("start_design", new() { ["interactive"] = true }));
        Assert.Equal("brief is empty", await _client.CallErrorAsync("start_design", new() { ["brief"] = "   " }));
        Assert.StartsWith("brief contains control characters", await _client.CallErrorAsync("start_design", new() { ["brief"] = "a\u001b[31mb" }), StringComparison.Ordinal);
        Assert.Equal("interactive must be true or false", await _client.CallErrorAsync("start_design", new() { ["brief"] = "x", ["interactive"] = "yes" }));
        Assert.StartsWith("breif is not a parameter of start_design", await _client.CallErrorAsync("start_design", new() { ["breif"] = "x" }), StringComparison.Ordinal);
        Assert.StartsWith("workflow unknown workflow 'nope'", await _client.CallErrorAsync("start_design", new() { ["brief"] = "x", ["workflow"] = "nope" }), StringComparison.Ordinal);
        Assert.StartsWith("models.nobody 'nobody' is not an agent id", await _client.CallErrorAsync("start_design", new() { ["brief"] = "x", ["models"] = new Dictionary<string, string> { ["nobody"] = "default" } }), StringComparison.Ordinal);
        Assert.StartsWith("questionTimeoutSeconds must be", await _client.CallErrorAsync("start_design", new() { ["brief"] = "x", ["questionTimeoutSeconds"] = 0 }), StringComparison.Ordinal);
        Assert.Equal("questionTimeoutSeconds must be a whole number", await _client.CallErrorAsync("start_design", new() { ["brief"] = "x", ["questionTimeoutSeconds"] = 1.5 }));
        Assert.Equal("attachments[0].content is required", await _client.CallErrorAsync("start_design", new() { ["brief"] = "x", ["attachments"] = new[] { new { name = "a.md" } } }));
        Assert.Equal("title must be a string", await _client.CallErrorAsync("start_design", new() { ["brief"] = "x", ["title"] = null }));
        Assert.Equal("models.designer must be a string", await _client.CallErrorAsync("start_design", new() { ["brief"] = "x", ["models"] = new Dictionary<string, string?> { ["designer"] = null } }));
        Assert.Equal("runId is required", await _client.CallErrorAsync("get_run", new()));
        Assert.StartsWith("runId 'run_nope' is not a run visible to this caller", await _client.CallErrorAsync("get_run", new() { ["runId"] = "run_nope" }), StringComparison.Ordinal);
        Assert.Equal("answers must be an object", await _client.CallErrorAsync("answer_questions", new() { ["runId"] = "run_nope", ["answers"] = "q-scale: 2000" }));
        Assert.StartsWith("timeoutSeconds must be", await _client.CallErrorAsync("wait_for_run", new() { ["runId"] = "run_nope", ["timeoutSeconds"] = 0 }), StringComparison.Ordinal);

        // Nothing was stored by any of them.
        var resources = await _client.ListResourcesAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(resources);
        var missing = await Assert.ThrowsAsync<McpProtocolException>(async () =>
            await _client.ReadResourceAsync("architect://runs/run_nope/deliverables/openapi.yaml", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("not a completed run visible to this caller", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondKey_CannotSeeTheFirstKeysRun()
    {
        var id = await _client.StartAsync(McpDesignClient.ShortBrief);
        await _client.WaitForAsync(id, McpDesignClient.Finished);
        await using var other = await ConnectAsync(await _api.CreateKeyAsync("mcp-b"));

        var hidden = $"runId '{id}' is not a run visible to this caller";
        Assert.Equal(hidden, await other.CallErrorAsync("get_run", new() { ["runId"] = id }));
        Assert.Equal(hidden, await other.CallErrorAsync("wait_for_run", new() { ["runId"] = id }));
        Assert.Equal(hidden, await other.CallErrorAsync("get_deliverables", new() { ["runId"] = id, ["name"] = "openapi.yaml" }));
        Assert.Equal(hidden, await other.CallErrorAsync("answer_questions", new() { ["runId"] = id, ["answers"] = new Dictionary<string, string>() }));
        Assert.Empty(await other.ListResourcesAsync(cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<McpProtocolException>(async () =>
            await other.ReadResourceAsync($"architect://runs/{id}/deliverables/openapi.yaml", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(6, (await _client.ListResourcesAsync(cancellationToken: TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task WithoutAKey_Is401_AndMcpIsNotInTheOpenApiDocument()
    {
        var anonymous = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        using var response = await anonymous.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(async () => await ConnectAsync(null));

        var openapi = await anonymous.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("\"/mcp\"", openapi, StringComparison.Ordinal);
        Assert.Contains("\"/v1/runs\"", openapi, StringComparison.Ordinal);
    }
}
