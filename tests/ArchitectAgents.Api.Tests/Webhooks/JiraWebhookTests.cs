using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;

namespace ArchitectAgents.Api.Tests.Webhooks;

/// <summary>Jira Cloud admin-webhook deliveries (Atlassian's documented example payload) against a stub Jira REST API on loopback.</summary>
public sealed class JiraWebhookTests : IAsyncLifetime
{
    private const string Owner = "webhook:jira";
    private const string CommentsPath = "/rest/api/3/issue/JRA-20002/comment";
    private StubServer _jira = null!;
    private ApiFactory _api = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _jira = await StubServer.StartAsync();
        _api = new ApiFactory(new()
        {
            ["Webhooks:Jira:Secret"] = Fixtures.Secret,
            ["Webhooks:Jira:BaseUrl"] = _jira.Url,
            ["Webhooks:Jira:User"] = "bot@example.test",
            ["Webhooks:Jira:ApiToken"] = "jira-token",
            ["Webhooks:PublicBaseUrl"] = "https://architect.example.test",
            ["Webhooks:Callbacks:PollIntervalMs"] = "100",
        });
        _client = _api.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _jira.DisposeAsync();
    }

    [Fact]
    public async Task LabelAdded_AdfQuestions_EditIgnored_CommentAnswers_AdfResult()
    {
        using var started = await _client.PostJiraAsync("j-labels", Fixtures.Bytes("jira.issue_updated.labels.json"), Fixtures.Signature("jira.issue_updated.labels.json"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.JsonAsync()).GetProperty("runId").GetString()!;
        var waiting = await _api.WaitForAsync(Owner, runId, RunStatuses.AwaitingInput, RunStatuses.Completed, RunStatuses.Failed);
        Assert.Equal(RunStatuses.AwaitingInput, waiting.Status);
        Assert.Equal("# I feel the need for speed\n\nMake the issue nav load 10x faster\n", waiting.Brief);

        var questions = (await _jira.WaitForAsync(1))[0];
        Assert.Equal(CommentsPath, questions.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot@example.test:jira-token")), questions.Headers["Authorization"]);
        var doc = JsonNode.Parse(questions.Body)!["body"]!;
        Assert.Equal("doc", doc["type"]!.GetValue<string>());
        Assert.Equal(1, doc["version"]!.GetValue<int>());
        var list = doc["content"]!.AsArray().Single(n => n!["type"]!.GetValue<string>() == "orderedList")!;
        Assert.Equal(waiting.QuestionsJson!.Split("\"id\"").Length - 1, list["content"]!.AsArray().Count);
        Assert.StartsWith("How many users", list["content"]![0]!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // The documented example: an edit (summary, issue type) of the ticket while its run is going.
        using var edited = await _client.PostJiraAsync("j-edit", Fixtures.Bytes("jira.issue_updated.summary.json"), Fixtures.Signature("jira.issue_updated.summary.json"));
        Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        // Created with the label while the run for the same key is going: no second run either.
        using var created = await _client.PostJiraAsync("j-created", Fixtures.Bytes("jira.issue_created.json"), Fixtures.Signature("jira.issue_created.json"));
        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);

        using var answered = await _client.PostJiraAsync("j-comment", Fixtures.Bytes("jira.comment_created.json"), Fixtures.Signature("jira.comment_created.json"));
        Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
        using var redelivered = await _client.PostJiraAsync("j-comment", Fixtures.Bytes("jira.comment_created.json"), Fixtures.Signature("jira.comment_created.json"));
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);

        var done = await _api.WaitForAsync(Owner, runId, RunStatuses.Completed, RunStatuses.CompletedWithIssues, RunStatuses.Failed);
        Assert.NotEqual(RunStatuses.Failed, done.Status);
        Assert.Equal(4000, done.Document().Context!.Figures.Users!.Value);
        var result = JsonNode.Parse((await _jira.WaitForAsync(2))[1].Body)!["body"]!;
        Assert.Contains($"Design ready: gate verdict {done.Verdict}", result.ToJsonString(), StringComparison.Ordinal);
        var link = result["content"]!.AsArray().SelectMany(n => n!["content"]?.AsArray() ?? [])
            .Single(t => t!["marks"]?.AsArray().Any(m => m!["type"]!.GetValue<string>() == "link") == true)!;
        Assert.Equal($"https://architect.example.test/v1/runs/{runId}/deliverables.zip", link["marks"]![0]!["attrs"]!["href"]!.GetValue<string>());
        Assert.Equal(1, await _api.QueryAsync(db => db.Runs.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task IssueCreatedWithLabel_StartsRun_BadSignatureDoesNot()
    {
        var body = Fixtures.Bytes("jira.issue_created.json");

        using var unsigned = await _client.PostJiraAsync("j-1", body, null);
        using var forged = await _client.PostJiraAsync("j-2", body, Fixtures.Sign("guess", body));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(0, await _api.QueryAsync(db => db.Runs.CountAsync(TestContext.Current.CancellationToken)));

        using var created = await _client.PostJiraAsync("j-3", body, Fixtures.Signature("jira.issue_created.json"));
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var run = await _api.WaitForAsync(Owner, (await created.JsonAsync()).GetProperty("runId").GetString()!, RunStatuses.AwaitingInput, RunStatuses.Completed, RunStatuses.Failed);
        Assert.Equal("jira", run.Source);
        Assert.Equal("Bryan Rollins [Atlassian]", run.Requester);
    }
}
