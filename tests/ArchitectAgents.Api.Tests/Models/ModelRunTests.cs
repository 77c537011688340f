using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArchitectAgents.StubModel;

namespace ArchitectAgents.Api.Tests.Models;

/// <summary>Runs on a model provider through the service: usage on the run, budgets, outages and resume.</summary>
public sealed class ModelRunTests
{
    private const string Brief = "Telehealth scheduling API for 5k bookings a day, team of 4 engineers, HIPAA, data stays in the US, 99.9% availability.";
    private const string Key = "sk-live-0b7e41-DO-NOT-LOG";

    private static Dictionary<string, string?> StubModels(StubModelServer stub) => new()
    {
        ["Models:stub:Provider"] = "OpenAICompatible",
        ["Models:stub:Endpoint"] = stub.OpenAIEndpoint,
        ["Models:stub:Model"] = "stub-model",
        ["Models:stub:ApiKey"] = Key,
        ["Models:stub:InputPricePerMillion"] = "3",
        ["Models:stub:OutputPricePerMillion"] = "15",
        ["Models:stub:MaxRetries"] = "2",
        ["Models:stub:RetryBaseDelayMs"] = "20",
        ["Logging:LogLevel:Default"] = "Information",
    };

    [Fact]
    public async Task RunOnTheStub_ShowsTokensAndCostOnTheRunAndInItsEvents()
    {
        await using var stub = await StubModelServer.StartAsync();
        await using var api = new ApiFactory(StubModels(stub));
        var client = await api.ClientAsync();

        var created = await client.CreateAsync(Brief, new { models = new Dictionary<string, string> { ["*"] = "stub" } });
        var run = await client.WaitForAsync(created.GetProperty("id").GetString()!, "completed", "completed_with_issues", "failed");

        Assert.NotEqual("failed", run.GetProperty("status").GetString());
        var usage = run.GetProperty("usage");
        var ok = stub.Calls.Where(c => c.Status == 200).ToList();
        Assert.Equal(ok.Sum(c => c.InputTokens), usage.GetProperty("inputTokens").GetInt64());
        Assert.Equal(ok.Sum(c => c.OutputTokens), usage.GetProperty("outputTokens").GetInt64());
        Assert.Equal(((ok.Sum(c => c.InputTokens) * 3m) + (ok.Sum(c => c.OutputTokens) * 15m)) / 1_000_000m, usage.GetProperty("costUsd").GetDecimal());
        var events = await client.ReadEventsAsync(run.GetProperty("id").GetString()!);
        Assert.Contains(events, e => e.Type == "usage" && e.Data.Contains("\"node\":\"designer\"", StringComparison.Ordinal));
        var document = await client.GetFromJsonAsync<JsonElement>($"/v1/runs/{run.GetProperty("id").GetString()}/document", TestContext.Current.CancellationToken);
        Assert.Equal(5, document.GetProperty("usage").GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task ModelOutage_FailsResumably_AndResumeContinuesWithoutCallingFinishedAgentsAgain()
    {
        await using var stub = await StubModelServer.StartAsync();
        await using var api = new ApiFactory(StubModels(stub));
        var client = await api.ClientAsync();
        stub.Script("designer", StubReply.Error(503), StubReply.Error(503), StubReply.Error(503));

        var created = await client.CreateAsync(Brief, new { models = new Dictionary<string, string> { ["*"] = "stub" } });
        var id = created.GetProperty("id").GetString()!;
        var failed = await client.WaitForAsync(id, "failed", "completed", "completed_with_issues");

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal("model_unavailable", failed.GetProperty("errorCode").GetString());
        Assert.Equal($"/v1/runs/{id}/resume", failed.GetProperty("links").GetProperty("resume").GetString());
        var gathererCalls = stub.CallsFor("context-gatherer").Count;
        var verifierCalls = stub.CallsFor("docs-verifier").Count;
        var tokensBefore = failed.GetProperty("usage").GetProperty("inputTokens").GetInt64();
        Assert.True(await api.CheckpointCountAsync(id) > 0, "a failed run must keep the checkpoints it resumes from");

        using var resume = await client.PostAsync($"/v1/runs/{id}/resume", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        var done = await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");

        Assert.NotEqual("failed", done.GetProperty("status").GetString());
        Assert.Equal(gathererCalls, stub.CallsFor("context-gatherer").Count);
        Assert.Equal(verifierCalls, stub.CallsFor("docs-verifier").Count);
        Assert.True(done.GetProperty("usage").GetProperty("inputTokens").GetInt64() > tokensBefore);
        // The checkpoints go right after the final status is committed.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await api.CheckpointCountAsync(id) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, await api.CheckpointCountAsync(id));
    }

    [Fact]
    public async Task Budget_StopsTheRunWithItsReason_AndARaisedBudgetOnResumeLetsItFinish()
    {
        await using var stub = await StubModelServer.StartAsync();
        await using var api = new ApiFactory(StubModels(stub));
        var client = await api.ClientAsync();

        var created = await client.CreateAsync(Brief, new { models = new Dictionary<string, string> { ["*"] = "stub" }, budget = new { maxTokens = 3000 } });
        var id = created.GetProperty("id").GetString()!;
        var stopped = await client.WaitForAsync(id, "failed", "completed", "completed_with_issues");

        Assert.Equal("failed", stopped.GetProperty("status").GetString());
        Assert.Equal("budget_exceeded", stopped.GetProperty("errorCode").GetString());
        Assert.Contains("token budget exhausted", stopped.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3000, stopped.GetProperty("budget").GetProperty("maxTokens").GetInt64());
        var callsAtStop = stub.Calls.Count;

        using var tooSmall = await client.PostAsJsonAsync($"/v1/runs/{id}/resume", new { budget = new { maxTokens = -5 } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, tooSmall.StatusCode);
        Assert.Contains("budget.maxTokens", await tooSmall.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(callsAtStop, stub.Calls.Count);

        // A budget at or below what the run already used could only fail again: refused with the figures.
        var spent = stopped.GetProperty("usage").GetProperty("totalTokens").GetInt64();
        using var belowSpent = await client.PostAsJsonAsync($"/v1/runs/{id}/resume", new { budget = new { maxTokens = spent } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, belowSpent.StatusCode);
        var refusal = (await belowSpent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").GetProperty("budget.maxTokens")[0].GetString();
        Assert.Contains($"already used {spent} tokens", refusal, StringComparison.Ordinal);
        Assert.Equal("failed", (await client.GetRunAsync(id)).GetProperty("status").GetString());

        // A budget field outside "budget" is refused, not dropped (it would resume with no new budget).
        using var misplaced = await client.PostAsJsonAsync($"/v1/runs/{id}/resume", new { maxTokens = 5_000_000 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, misplaced.StatusCode);
        Assert.Contains("budget.maxTokens", await misplaced.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(callsAtStop, stub.Calls.Count);

        using var resume = await client.PostAsJsonAsync($"/v1/runs/{id}/resume", new { budget = new { maxTokens = 5_000_000 } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        var done = await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");
        Assert.NotEqual("failed", done.GetProperty("status").GetString());
        Assert.Equal(5_000_000, done.GetProperty("budget").GetProperty("maxTokens").GetInt64());

        using var again = await client.PostAsync($"/v1/runs/{id}/resume", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task ModelsEndpoint_ListsEntriesAndUsabilityWithoutKeys_AndTheKeyIsNeverLoggedOrStored()
    {
        await using var stub = await StubModelServer.StartAsync();
        var settings = StubModels(stub);
        settings["Models:hosted:Provider"] = "OpenAI";
        settings["Models:hosted:Model"] = "gpt-test";
        settings["Models:hosted:ApiKeyVariable"] = "ARCHITECT_TEST_UNSET_KEY_VARIABLE";
        await using var api = new ApiFactory(settings);
        var client = await api.ClientAsync();
        stub.Script("context-gatherer", StubReply.Error(429, 0));

        var models = await client.GetStringAsync("/v1/models", TestContext.Current.CancellationToken);
        var created = await client.CreateAsync(Brief, new { models = new Dictionary<string, string> { ["*"] = "stub" } });
        var id = created.GetProperty("id").GetString()!;
        await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");
        var events = await client.ReadEventsAsync(id);
        var document = await client.GetStringAsync($"/v1/runs/{id}/document", TestContext.Current.CancellationToken);

        using var list = JsonDocument.Parse(models);
        var hosted = list.RootElement.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "hosted");
        Assert.False(hosted.GetProperty("usable").GetBoolean());
        Assert.Contains("ARCHITECT_TEST_UNSET_KEY_VARIABLE", hosted.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(list.RootElement.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "stub").GetProperty("usable").GetBoolean());
        Assert.DoesNotContain("DO-NOT-LOG", models, StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e.Data.Contains("DO-NOT-LOG", StringComparison.Ordinal));
        Assert.DoesNotContain("DO-NOT-LOG", document, StringComparison.Ordinal);
        var log = await File.ReadAllTextAsync(api.LogFile, TestContext.Current.CancellationToken);
        Assert.Contains("retry 1 of 2", log, StringComparison.Ordinal);
        Assert.DoesNotContain("DO-NOT-LOG", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"brief":"x y z","options":{"models":{"designer":"nope"}}}""", "options.models.designer")]
    [InlineData("""{"brief":"x y z","options":{"models":{"architect":"default"}}}""", "options.models.architect")]
    [InlineData("""{"brief":"x y z","options":{"models":["default"]}}""", "options.models")]
    [InlineData("""{"brief":"x y z","options":{"budget":{"maxTokens":0}}}""", "options.budget.maxTokens")]
    [InlineData("""{"brief":"x y z","options":{"budget":{"maxCostUsd":"ten"}}}""", "options.budget.maxCostUsd")]
    [InlineData("""{"brief":"x y z","options":{"budget":{"tokens":10}}}""", "options.budget.tokens")]
    [InlineData("""{"brief":"x y z","options":{"budget":{}}}""", "options.budget")]
    public async Task BadModelOrBudgetOptions_Get400NamingTheField_AndNoRun(string body, string field)
    {
        await using var api = new ApiFactory();
        var client = await api.ClientAsync();

        using var response = await client.PostAsync("/v1/runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(field, Assert.Single(problem.RootElement.GetProperty("errors").EnumerateObject()).Name);
        var page = await client.GetFromJsonAsync<JsonElement>("/v1/runs", TestContext.Current.CancellationToken);
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }
}
