using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Api.Webhooks;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;

namespace ArchitectAgents.Api.Tests.Webhooks;

/// <summary>GitHub deliveries (GitHub's own example payloads, signed by GitHub's client library) against a stub GitHub API on loopback.</summary>
public sealed class GitHubWebhookTests : IAsyncLifetime
{
    private const string Owner = "webhook:github";
    private const string CommentsPath = "/api/v3/repos/Codertocat/Hello-World/issues/1/comments";
    private StubServer _github = null!;
    private ApiFactory _api = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _github = await StubServer.StartAsync();
        _api = new ApiFactory(new()
        {
            ["Webhooks:GitHub:Secret"] = Fixtures.Secret,
            // An Enterprise Server style base URL: comments must go under it.
            ["Webhooks:GitHub:ApiBaseUrl"] = _github.Url + "/api/v3",
            ["Webhooks:GitHub:Token"] = "ghp_test_token",
            ["Webhooks:PublicBaseUrl"] = "https://architect.example.test",
            ["Webhooks:MaxPayloadBytes"] = "65536",
            ["Webhooks:Callbacks:PollIntervalMs"] = "100",
        });
        _client = _api.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _github.DisposeAsync();
    }

    [Fact]
    public async Task LabeledIssue_QuestionsCommented_ReplyResumes_ResultCommented()
    {
        using var started = await _client.PostGitHubAsync("issues", "d-labeled-1", Fixtures.Bytes("github.issues.labeled.json"), Fixtures.Signature("github.issues.labeled.json"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var body = await started.JsonAsync();
        Assert.Equal("run_started", body.GetProperty("outcome").GetString());
        var runId = body.GetProperty("runId").GetString()!;

        var waiting = await _api.WaitForAsync(Owner, runId, RunStatuses.AwaitingInput, RunStatuses.Completed, RunStatuses.Failed);
        Assert.Equal(RunStatuses.AwaitingInput, waiting.Status);
        Assert.StartsWith("# Spelling error in the README file", waiting.Brief, StringComparison.Ordinal);
        Assert.Equal("github", waiting.Source);
        Assert.Equal("Codertocat", waiting.Requester);
        var questions = (await _github.WaitForAsync(1))[0];
        Assert.Equal("POST", questions.Method);
        Assert.Equal(CommentsPath, questions.Path);
        Assert.Equal("Bearer ghp_test_token", questions.Headers["Authorization"]);
        Assert.Equal("2022-11-28", questions.Headers["X-GitHub-Api-Version"]);
        var questionText = JsonNode.Parse(questions.Body)!["body"]!.GetValue<string>();
        Assert.Contains("1. **How many users", questionText, StringComparison.Ordinal);
        Assert.Contains("2. **How many engineers", questionText, StringComparison.Ordinal);
        Assert.Contains($"<!-- architect-agents:{runId} -->", questionText, StringComparison.Ordinal);

        // GitHub echoes our own comment back as an issue_comment delivery: it must not answer the questions.
        var echo = JsonNode.Parse(Fixtures.Bytes("github.issue_comment.created.json"))!;
        echo["comment"]!["body"] = questionText;
        var echoBytes = Encoding.UTF8.GetBytes(echo.ToJsonString());
        using var echoed = await _client.PostGitHubAsync("issue_comment", "d-echo", echoBytes, Fixtures.Sign(Fixtures.Secret, echoBytes));
        Assert.Equal(HttpStatusCode.NoContent, echoed.StatusCode);
        Assert.Equal(RunStatuses.AwaitingInput, (await _api.WaitForAsync(Owner, runId, RunStatuses.AwaitingInput)).Status);

        using var replied = await _client.PostGitHubAsync("issue_comment", "d-reply-1", Fixtures.Bytes("github.issue_comment.created.json"), Fixtures.Signature("github.issue_comment.created.json"));
        Assert.Equal(HttpStatusCode.Accepted, replied.StatusCode);
        Assert.Equal("answered", (await replied.JsonAsync()).GetProperty("outcome").GetString());

        var done = await _api.WaitForAsync(Owner, runId, RunStatuses.Completed, RunStatuses.CompletedWithIssues, RunStatuses.Failed);
        Assert.NotEqual(RunStatuses.Failed, done.Status);
        var context = done.Document().Context!;
        Assert.Equal(4000, context.Figures.Users!.Value);
        Assert.Equal("About 4,000 members at launch", context.Questions.Single(q => q.Id == "q-scale").Answer);
        Assert.Equal("Team of 2 developers (Python)", context.Questions.Single(q => q.Id == "q-team").Answer);

        var result = (await _github.WaitForAsync(2))[1];
        Assert.Equal(CommentsPath, result.Path);
        var resultText = JsonNode.Parse(result.Body)!["body"]!.GetValue<string>();
        Assert.Contains($"Design ready: gate verdict {done.Verdict}", resultText, StringComparison.Ordinal);
        Assert.Contains("**Key decisions**", resultText, StringComparison.Ordinal);
        Assert.Contains($"- Pattern: {done.Document().Design!.Architecture.Pattern}", resultText, StringComparison.Ordinal);
        Assert.Contains($"(https://architect.example.test/v1/runs/{runId}/deliverables.zip)", resultText, StringComparison.Ordinal);

        // Both comments went through the durable queue and are marked delivered. The row is marked just after the
        // stub answered the POST, so wait (generously) for the mark rather than reading it at once.
        var deliveries = await _api.QueryAsync(db => db.Deliveries.Where(d => d.RunId == runId).OrderBy(d => d.CreatedAt).ToListAsync(TestContext.Current.CancellationToken));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (deliveries.Any(d => d.Status != "delivered") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            deliveries = await _api.QueryAsync(db => db.Deliveries.Where(d => d.RunId == runId).OrderBy(d => d.CreatedAt).ToListAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(["run.awaiting_input", "run.completed"], deliveries.Select(d => d.EventType));
        Assert.All(deliveries, d => Assert.Equal("delivered", d.Status));
    }

    [Fact]
    public async Task DuplicateDeliveryAndOpenedWhileRunning_StartOneRun()
    {
        using var first = await _client.PostGitHubAsync("issues", "d-dup", Fixtures.Bytes("github.issues.labeled.json"), Fixtures.Signature("github.issues.labeled.json"));
        using var again = await _client.PostGitHubAsync("issues", "d-dup", Fixtures.Bytes("github.issues.labeled.json"), Fixtures.Signature("github.issues.labeled.json"));
        // GitHub sends 'opened' and 'labeled' for an issue created with the label: the second must not start another run.
        using var opened = await _client.PostGitHubAsync("issues", "d-opened", Fixtures.Bytes("github.issues.opened-architecture.json"), Fixtures.Signature("github.issues.opened-architecture.json"));
        using var edited = await _client.PostGitHubAsync("issues", "d-edited", Fixtures.Bytes("github.issues.edited.json"), Fixtures.Signature("github.issues.edited.json"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var duplicate = await again.JsonAsync();
        Assert.Equal("duplicate", duplicate.GetProperty("outcome").GetString());
        Assert.Equal((await first.JsonAsync()).GetProperty("runId").GetString(), duplicate.GetProperty("runId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, opened.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        Assert.Equal(1, await _api.QueryAsync(db => db.Runs.CountAsync(TestContext.Current.CancellationToken)));
        var recorded = await _api.QueryAsync(db => db.WebhookDeliveries.OrderBy(d => d.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["d-dup", "d-opened", "d-edited"], recorded.Select(d => d.DeliveryId));
        Assert.Equal(["run_started", "ignored", "ignored"], recorded.Select(d => d.Outcome));
        Assert.Contains("still going", recorded[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentDeliveriesForOneTicket_StartOneRun()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _client.PostGitHubAsync("issues", $"race-{i}", Fixtures.Bytes("github.issues.labeled.json"), Fixtures.Signature("github.issues.labeled.json"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.Equal(1, await _api.QueryAsync(db => db.Runs.CountAsync(TestContext.Current.CancellationToken)));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task BadOrMissingSignature_Is401_AndStartsNothing()
    {
        var body = Fixtures.Bytes("github.issues.labeled.json");
        var tampered = (byte[])body.Clone();
        tampered[Array.IndexOf(tampered, (byte)'S')] = (byte)'s';

        using var wrongSecret = await _client.PostGitHubAsync("issues", "d-1", body, Fixtures.Sign("not the secret", body));
        using var wrongBody = await _client.PostGitHubAsync("issues", "d-2", tampered, Fixtures.Signature("github.issues.labeled.json"));
        using var missing = await _client.PostGitHubAsync("issues", "d-3", body, null);
        using var garbage = await _client.PostGitHubAsync("issues", "d-4", body, "sha256=zz");

        foreach (var response in new[] { wrongSecret, wrongBody, missing, garbage })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("X-Hub-Signature-256", out _));
        }

        Assert.Equal(0, await _api.QueryAsync(db => db.Runs.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await _api.QueryAsync(db => db.WebhookDeliveries.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task UnknownEventsOtherLabelsMalformedAndOversizedBodies_StartNothing()
    {
        using var ping = await _client.PostGitHubAsync("ping", "d-ping", Fixtures.Bytes("github.ping.json"), Fixtures.Signature("github.ping.json"));
        using var bug = await _client.PostGitHubAsync("issues", "d-bug", Fixtures.Bytes("github.issues.opened.json"), Fixtures.Signature("github.issues.opened.json"));
        var malformed = "{\"action\": \"labeled\", "u8.ToArray();
        using var broken = await _client.PostGitHubAsync("issues", "d-broken", malformed, Fixtures.Sign(Fixtures.Secret, malformed));
        var huge = Encoding.UTF8.GetBytes("{\"pad\": \"" + new string('x', 70_000) + "\"}");
        using var oversized = await _client.PostGitHubAsync("issues", "d-huge", huge, Fixtures.Sign(Fixtures.Secret, huge));

        Assert.Equal(HttpStatusCode.NoContent, ping.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, bug.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.True((await broken.JsonAsync()).GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(0, await _api.QueryAsync(db => db.Runs.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Endpoints_AreInTheOpenApiDocument()
    {
        var doc = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/v1/webhooks/github", "/v1/webhooks/jira", "/v1/webhooks/generic", "/v1/deliveries", "/v1/deliveries/{id}/replay" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    [Fact]
    public void HubSignature_AcceptsGitHubsDocumentedTestVector()
    {
        // docs.github.com, "Validating webhook deliveries": secret "It's a Secret to Everybody", payload "Hello, World!".
        Assert.True(HubSignature.Verify("It's a Secret to Everybody", "Hello, World!"u8.ToArray(), "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
        Assert.False(HubSignature.Verify("It's a Secret to Everybody", "Hello, World?"u8.ToArray(), "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
    }
}
