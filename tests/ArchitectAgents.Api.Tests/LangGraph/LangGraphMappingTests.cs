using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ArchitectAgents.Api.Tests.LangGraph;

/// <summary>
/// The LangGraph-compatible API at the HTTP level: bad input is a 4xx problem naming the field (never a 5xx), one key
/// never sees another's threads or runs, a LangGraph run is one of the service's runs, and none of it is in the
/// service's OpenAPI document.
/// </summary>
public sealed class LangGraphMappingTests : IAsyncLifetime
{
    private const string Brief = "# Shop\nA web shop where customers browse products, place orders and pay by card. 20k customers, team of 5. GDPR applies; all data stays in the EU. 99.9% availability.";

    private readonly ApiFactory _api = new();

    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await _api.ClientAsync("owner-a");

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    public static TheoryData<string, string, string?, int, string> BadInputs() => new()
    {
        { "POST", "/threads", """{"thread_id": "not-a-uuid"}""", 400, "thread_id" },
        { "POST", "/threads", """{"ttl": 60}""", 400, "ttl" },
        { "POST", "/threads", """[]""", 400, "body" },
        { "POST", "/threads", """{"metadata": "x"}""", 400, "metadata" },
        { "POST", "/threads/{thread}/runs", """{}""", 400, "assistant_id" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design"}""", 400, "input" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "input": {"brief": 5}}""", 400, "input.brief" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "input": {"brief": "   "}}""", 400, "input.brief" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "input": {"brief": "x", "extra": 1}}""", 400, "input.extra" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "input": {"messages": [{"role": "assistant", "content": "hi"}]}}""", 400, "input.messages" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "input": {"messages": [{"role": "user", "content": 7}]}}""", 400, "input.messages[0].content" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "input": {"brief": "x"}, "command": {"resume": {}}}""", 400, "command" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "command": {"goto": "designer"}}""", 400, "command.goto" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "command": {"resume": "yes"}}""", 400, "command.resume" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "input": {"brief": "x"}, "interrupt_before": ["designer"]}""", 400, "interrupt_before" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "input": {"brief": "x"}, "stream_mode": ["values", "messages"]}""", 400, "stream_mode" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "input": {"brief": "x"}, "stream_mode": 3}""", 400, "stream_mode" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "input": {"brief": "x"}, "multitask_strategy": "enqueue"}""", 400, "multitask_strategy" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "input": {"brief": "x"}, "Input": {}}""", 400, "Input" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "no-such-graph", "input": {"brief": "x"}}""", 404, "assistant_id" },
        { "POST", "/threads/{thread}/runs/stream", """{"assistant_id": "architect-design", "input": {"brief": "bad\u0000brief"}}""", 400, "input.brief" },
        { "POST", "/threads/{thread}/runs/wait", """{"assistant_id": "architect-design", "input": 3}""", 400, "input" },
        { "POST", "/threads/{thread}/runs", """{"assistant_id": "architect-design", "input": {"brief": "x"},}""", 400, "body" },
        { "POST", "/threads/{thread}/history", """{"limit": 0}""", 400, "limit" },
        { "POST", "/threads/{thread}/history", """{"before": 12}""", 400, "before" },
        { "POST", "/threads/{thread}/state/checkpoint", """{"checkpoint": {}}""", 400, "checkpoint.checkpoint_id" },
        { "GET", "/threads/{thread}/runs?limit=abc", null, 400, "limit" },
        { "GET", "/threads/{thread}/runs?status=done", null, 400, "status" },
        { "GET", "/threads/{thread}/state/not-a-checkpoint", null, 404, "checkpointId" },
        { "POST", "/threads/{thread}/runs/0190e7c8-0000-7000-8000-000000000000/cancel?action=rollback", null, 400, "action" },
        { "POST", "/threads/{thread}/runs/0190e7c8-0000-7000-8000-000000000000/cancel?wait=maybe", null, 400, "wait" },
        { "POST", "/assistants/search", """{"limit": -1}""", 400, "limit" },
        { "POST", "/assistants/search", """{"graph": "x"}""", 400, "graph" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInput_Is4xxProblemNamingTheField(string method, string path, string? body, int status, string field)
    {
        var thread = await CreateThreadAsync(_client);
        using var request = new HttpRequestMessage(new HttpMethod(method), "/langgraph" + path.Replace("{thread}", thread, StringComparison.Ordinal));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == (int)response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"{field}:", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongContentType_And_BadLastEventId_AreRefusedNamingThem()
    {
        var thread = await CreateThreadAsync(_client);
        using var plain = await _client.PostAsync($"/langgraph/threads/{thread}/runs", new StringContent("{}", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Contains("Content-Type", await plain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var run = await CreateRunAsync(_client, thread);
        using var rejoin = new HttpRequestMessage(HttpMethod.Get, $"/langgraph/threads/{thread}/runs/{run.GetProperty("run_id").GetString()}/stream");
        rejoin.Headers.Add("Last-Event-ID", "yesterday");
        using var response = await _client.SendAsync(rejoin, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Last-Event-ID", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResumeWithoutAnInterrupt_AndASecondRunOnABusyThread_Are409()
    {
        var thread = await CreateThreadAsync(_client);
        using var resume = await _client.PostAsync($"/langgraph/threads/{thread}/runs",
            Json(new { assistant_id = "architect-design", command = new { resume = new Dictionary<string, string> { ["q-scale"] = "10" } } }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, resume.StatusCode);

        await CreateRunAsync(_client, thread);
        using var second = await _client.PostAsync($"/langgraph/threads/{thread}/runs", Json(new { assistant_id = "architect-design", input = new { brief = Brief } }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task AnInterruptResumedByInterruptId_ContinuesTheSameServiceRun()
    {
        var thread = await CreateThreadAsync(_client);
        var interrupted = await WaitAsync(thread, new { assistant_id = "architect-design", input = new { brief = "# Gym app\nMembers book classes and get reminders." } });
        var interrupt = interrupted.GetProperty("__interrupt__")[0];
        var interruptId = interrupt.GetProperty("id").GetString()!;
        Assert.Contains("q-scale", interrupt.GetProperty("value").GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()));
        var waiting = await _client.GetFromJsonAsync<JsonElement>($"/langgraph/threads/{thread}", TestContext.Current.CancellationToken);
        Assert.Equal("interrupted", waiting.GetProperty("status").GetString());
        Assert.Equal(interruptId, waiting.GetProperty("interrupts").EnumerateObject().Single().Value[0].GetProperty("id").GetString());

        using (var unknown = await _client.PostAsync($"/langgraph/threads/{thread}/runs/wait",
            Json(new { assistant_id = "architect-design", command = new { resume = new Dictionary<string, object> { [interruptId] = new { q_nope = "x" } } } }), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains($"command.resume.{interruptId}.q_nope", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var done = await WaitAsync(thread, new { assistant_id = "architect-design", command = new { resume = new Dictionary<string, object> { [interruptId] = new Dictionary<string, string> { ["q-scale"] = "About 4,000 members" } } } });
        Assert.False(done.TryGetProperty("__interrupt__", out _));
        Assert.Equal(4000, done.GetProperty("context").GetProperty("figures").GetProperty("users").GetProperty("value").GetDouble());
        Assert.True(done.TryGetProperty("gate", out _));

        // Two LangGraph runs (the one that stopped at the interrupt, and its resume) on one service run.
        var runs = (await _client.GetFromJsonAsync<JsonElement>($"/langgraph/threads/{thread}/runs", TestContext.Current.CancellationToken)).EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("success", r.GetProperty("status").GetString()));
        Assert.Single(runs.Select(r => r.GetProperty("architect_run_id").GetString()).Distinct());
    }

    [Fact]
    public async Task AnotherKey_SeesNoneOfTheThread_ItsRunsOrTheServiceRunBehindThem()
    {
        var thread = await CreateThreadAsync(_client);
        var run = await CreateRunAsync(_client, thread);
        var runId = run.GetProperty("run_id").GetString()!;
        var serviceRun = run.GetProperty("architect_run_id").GetString()!;

        // The LangGraph run is one of the service's runs, not a second engine: /v1 shows it to its owner.
        using (var own = await _client.GetAsync($"/v1/runs/{serviceRun}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using var other = await _api.ClientAsync("owner-b");
        foreach (var (method, path) in new[]
        {
            ("GET", $"/langgraph/threads/{thread}"), ("GET", $"/langgraph/threads/{thread}/state"), ("POST", $"/langgraph/threads/{thread}/history"),
            ("GET", $"/langgraph/threads/{thread}/runs"), ("GET", $"/langgraph/threads/{thread}/runs/{runId}"), ("GET", $"/langgraph/threads/{thread}/runs/{runId}/join"),
            ("GET", $"/langgraph/threads/{thread}/runs/{runId}/stream"), ("POST", $"/langgraph/threads/{thread}/runs/{runId}/cancel"), ("POST", $"/langgraph/threads/{thread}/runs"),
            ("GET", $"/v1/runs/{serviceRun}"),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST" && !path.EndsWith("/cancel", StringComparison.Ordinal))
            {
                request.Content = path.EndsWith("/runs", StringComparison.Ordinal) ? Json(new { assistant_id = "architect-design", input = new { brief = Brief } }) : Json(new { });
            }

            using var response = await other.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
        }

        // Taking the same thread id is refused without showing anything of the thread.
        using var taken = await other.PostAsync("/langgraph/threads", Json(new { thread_id = thread, if_exists = "do_nothing" }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.DoesNotContain("compat", await taken.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // Its owner still sees the thread, with the run on it.
        var runs = await _client.GetFromJsonAsync<JsonElement>($"/langgraph/threads/{thread}/runs", TestContext.Current.CancellationToken);
        Assert.Equal(runId, runs.EnumerateArray().Single().GetProperty("run_id").GetString());
    }

    [Fact]
    public async Task WithoutAKey_Is401_AndTheApiIsNotInTheOpenApiDocument()
    {
        using var anonymous = _api.CreateClient();
        using var search = await anonymous.PostAsync("/langgraph/assistants/search", Json(new { }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, search.StatusCode);

        var document = await anonymous.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Contains("/v1/runs", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/langgraph", document, StringComparison.Ordinal);
    }

    private async Task<JsonElement> WaitAsync(string thread, object body)
    {
        using var response = await _client.PostAsync($"/langgraph/threads/{thread}/runs/wait", Json(body), TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static async Task<string> CreateThreadAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/langgraph/threads", Json(new { metadata = new { purpose = "compat" } }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("thread_id").GetString()!;
    }

    private static async Task<JsonElement> CreateRunAsync(HttpClient client, string thread)
    {
        using var response = await client.PostAsync($"/langgraph/threads/{thread}/runs", Json(new { assistant_id = "architect-design", input = new { brief = Brief } }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
