using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ArchitectAgents.Api.Tests;

public sealed class RunLifecycleTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new();
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await _api.ClientAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task CreateRun_RunsToCompletion_WithDocumentDeliverablesAndZip()
    {
        using var response = await _client.PostAsJsonAsync("/v1/runs", new { brief = "# Notes\nAn internal notes tool for 300 staff. Team of 3 engineers (C#).", workflow = "architect-design" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal($"/v1/runs/{id}", response.Headers.Location?.ToString());
        Assert.Equal("queued", created.GetProperty("status").GetString());

        var run = await _client.WaitForAsync(id, "completed", "completed_with_issues", "failed");
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal("pass", run.GetProperty("verdict").GetString());

        var document = await _client.GetFromJsonAsync<JsonElement>($"/v1/runs/{id}/document", TestContext.Current.CancellationToken);
        Assert.Equal("Modular monolith", document.GetProperty("design").GetProperty("architecture").GetProperty("pattern").GetString());
        var revisions = await _client.GetFromJsonAsync<JsonElement>($"/v1/runs/{id}/document/revisions", TestContext.Current.CancellationToken);
        Assert.Equal("brief", revisions[0].GetProperty("section").GetString());
        var early = await _client.GetFromJsonAsync<JsonElement>($"/v1/runs/{id}/document?revision=2", TestContext.Current.CancellationToken);
        Assert.True(early.TryGetProperty("context", out _));
        Assert.False(early.TryGetProperty("design", out _));

        var list = await _client.GetFromJsonAsync<JsonElement>($"/v1/runs/{id}/deliverables", TestContext.Current.CancellationToken);
        Assert.Equal(6, list.GetArrayLength());
        using var yaml = await _client.GetAsync($"/v1/runs/{id}/deliverables/openapi.yaml", TestContext.Current.CancellationToken);
        Assert.Equal("application/yaml", yaml.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("openapi: 3.1.0", await yaml.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var zipResponse = await _client.GetAsync($"/v1/runs/{id}/deliverables.zip", TestContext.Current.CancellationToken);
        using var zip = new ZipArchive(await zipResponse.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["architecture.md", "architecture.mmd", "design.json", "openapi.yaml", "review.md", "schema.sql"], zip.Entries.Select(e => e.Name).Order());
    }

    [Fact]
    public async Task IdempotencyKey_SameBodyReturnsTheSameRun_OtherBodyIs409()
    {
        var first = await _client.CreateAsync("# A\nTeam of 2, 100 users.", idempotencyKey: "k-1");
        var again = await _client.CreateAsync("# A\nTeam of 2, 100 users.", idempotencyKey: "k-1");

        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        using var conflict = new HttpRequestMessage(HttpMethod.Post, "/v1/runs") { Content = JsonContent.Create(new { brief = "# B\nsomething else" }) };
        conflict.Headers.Add("Idempotency-Key", "k-1");
        using var response = await _client.SendAsync(conflict, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var page = await _client.GetFromJsonAsync<JsonElement>("/v1/runs", TestContext.Current.CancellationToken);
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Questions_AskAnswerResume_RunsEachAgentOnceFromTheCheckpoint()
    {
        var created = await _client.CreateAsync("# Gym app\nMembers book classes and get reminders.", new { interactive = true });
        var id = created.GetProperty("id").GetString()!;

        var waiting = await _client.WaitForAsync(id, "awaiting_input", "completed", "failed");
        Assert.Equal("awaiting_input", waiting.GetProperty("status").GetString());
        var questions = await _client.GetFromJsonAsync<JsonElement>($"/v1/runs/{id}/questions", TestContext.Current.CancellationToken);
        var ids = questions.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()).ToList();
        Assert.Contains("q-scale", ids);

        using var unknown = await _client.PostAsJsonAsync($"/v1/runs/{id}/answers", new { answers = new Dictionary<string, string> { ["q-nope"] = "x" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("answers.q-nope", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var answered = await _client.PostAsJsonAsync($"/v1/runs/{id}/answers", new { answers = new Dictionary<string, string> { ["q-scale"] = "About 4,000 members", ["q-team"] = "Team of 2 developers (Python)" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);

        await _client.WaitForAsync(id, "completed", "completed_with_issues", "failed");
        var document = await _client.GetFromJsonAsync<JsonElement>($"/v1/runs/{id}/document", TestContext.Current.CancellationToken);
        Assert.Equal(4000, document.GetProperty("context").GetProperty("figures").GetProperty("users").GetProperty("value").GetDouble());
        var events = await _client.ReadEventsAsync(id);
        Assert.True(2 == events.Count(e => e.Type == "run_started"), string.Join("\n", events.Select(e => e.Type + " " + e.Data)));
        var completed = events.Where(e => e.Type == "node_completed").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("node").GetString()).ToList();
        Assert.Equal(1, completed.Count(n => n == "intake"));
        Assert.Equal(2, completed.Count(n => n == "context-gatherer"));
        Assert.Equal(1, completed.Count(n => n == "designer"));

        using var late = await _client.PostAsJsonAsync($"/v1/runs/{id}/answers", new { answers = new Dictionary<string, string>() }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Events_ReconnectWithLastEventId_MissesNothingAndRepeatsNothing()
    {
        var id = (await _client.CreateAsync("# Shop\nA web shop for 20k customers, team of 5.")).GetProperty("id").GetString()!;

        var firstPart = await _client.ReadEventsAsync(id, stopAfter: 4);
        var rest = await _client.ReadEventsAsync(id, lastEventId: firstPart[^1].Id);
        var whole = await _client.ReadEventsAsync(id);

        Assert.Equal(4, firstPart.Count);
        Assert.Equal(whole.Select(e => e.Id), firstPart.Concat(rest).Select(e => e.Id));
        Assert.Equal(whole.Count, whole.Select(e => e.Id).Distinct().Count());
        Assert.Equal("run_queued", whole[0].Type);
        Assert.Equal("run_finished", whole[^1].Type);
        Assert.True(whole.Zip(whole.Skip(1)).All(p => p.First.Id < p.Second.Id));
    }

    [Fact]
    public async Task List_FiltersByStatusAndPagesWithACursor()
    {
        for (var i = 0; i < 3; i++)
        {
            await _client.CreateAsync($"# Tool {i}\nTeam of 2, 50 users.");
        }

        var first = await _client.GetFromJsonAsync<JsonElement>("/v1/runs?limit=2", TestContext.Current.CancellationToken);
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await _client.GetFromJsonAsync<JsonElement>($"/v1/runs?limit=2&cursor={cursor}", TestContext.Current.CancellationToken);

        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.False(second.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String);
        var none = await _client.GetFromJsonAsync<JsonElement>("/v1/runs?status=cancelled", TestContext.Current.CancellationToken);
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());
        using var bad = await _client.GetAsync("/v1/runs?status=sleeping", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Catalog_AgentsWorkflowsGraphOpenApiAndReferencePage()
    {
        var agents = await _client.GetFromJsonAsync<JsonElement>("/v1/agents", TestContext.Current.CancellationToken);
        Assert.Equal(5, agents.GetArrayLength());
        var workflows = await _client.GetFromJsonAsync<JsonElement>("/v1/workflows", TestContext.Current.CancellationToken);
        Assert.Equal("architect-design", workflows[0].GetProperty("id").GetString());
        var graph = await _client.GetStringAsync("/v1/workflows/architect-design/graph", TestContext.Current.CancellationToken);
        Assert.StartsWith("flowchart TD", graph, StringComparison.Ordinal);
        var anonymous = _api.CreateClient();
        var openapi = await anonymous.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Contains("/v1/runs/{id}/events", openapi, StringComparison.Ordinal);
        Assert.Contains("<title>ArchitectAgents API</title>", await anonymous.GetStringAsync("/docs", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var ready = await anonymous.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}

public sealed class QuestionTimeoutTests
{
    [Fact]
    public async Task UnansweredQuestions_PastTheirTimeout_BecomeAssumptionsAndTheRunFinishes()
    {
        await using var api = new ApiFactory();
        var client = await api.ClientAsync();

        var id = (await client.CreateAsync("# Gym app\nMembers book classes.", new { interactive = true, questionTimeoutSeconds = 1 })).GetProperty("id").GetString()!;
        var run = await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");

        Assert.Equal("completed", run.GetProperty("status").GetString());
        var document = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/v1/runs/{id}/document", TestContext.Current.CancellationToken);
        var assumptions = document.GetProperty("context").GetProperty("assumptions").EnumerateArray().Select(a => a.GetProperty("topic").GetString()).ToList();
        Assert.Contains("scale", assumptions);
        Assert.Contains("team", assumptions);
        var events = await client.ReadEventsAsync(id);
        Assert.Contains(events, e => e.Type == "questions_asked");
        Assert.Contains(events, e => e.Type == "answers_received" && e.Data.Contains("\"timedOut\":true", StringComparison.Ordinal));
    }
}
