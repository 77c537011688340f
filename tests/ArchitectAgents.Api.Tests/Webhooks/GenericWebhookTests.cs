using System.Globalization;
using System.Net;
using System.Text;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using StandardWebhooks;

namespace ArchitectAgents.Api.Tests.Webhooks;

/// <summary>The generic webhook, signed with the StandardWebhooks NuGet package (not our signer).</summary>
public sealed class GenericWebhookTests : IAsyncLifetime
{
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("generic-webhook-test-secret-32by"));
    private ApiFactory _api = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _api = new ApiFactory(new() { ["Webhooks:Generic:Secret"] = Secret });
        _client = _api.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private async Task<HttpResponseMessage> PostAsync(string id, string body, DateTimeOffset signedAt, string? secret = null)
    {
        var signature = new StandardWebhook(secret ?? Secret).Sign(id, signedAt, body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/generic") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signature);
        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private const string Opened = """{"type": "ticket.opened", "ticket": {"key": "OPS-42", "title": "Room booking", "body": "Staff book meeting rooms."}, "requester": "alice"}""";

    [Fact]
    public async Task SignedTicket_StartsRun_ReplayedOldDeliveryIsRefused()
    {
        using var old = await PostAsync("evt_old", Opened, DateTimeOffset.UtcNow.AddMinutes(-6));
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.True((await old.JsonAsync()).GetProperty("errors").TryGetProperty("webhook-timestamp", out _));
        using var forged = await PostAsync("evt_forged", Opened, DateTimeOffset.UtcNow, "whsec_" + Convert.ToBase64String(new byte[32]));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(0, await _api.QueryAsync(db => db.Runs.CountAsync(TestContext.Current.CancellationToken)));

        using var fresh = await PostAsync("evt_1", Opened, DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Accepted, fresh.StatusCode);
        var runId = (await fresh.JsonAsync()).GetProperty("runId").GetString()!;
        var run = await _api.WaitForAsync("webhook:generic", runId, RunStatuses.AwaitingInput, RunStatuses.Completed, RunStatuses.Failed);
        Assert.Equal("# Room booking\n\nStaff book meeting rooms.\n", run.Brief);
        Assert.Equal(RunStatuses.AwaitingInput, run.Status);

        // The same delivery signed again later (a sender's retry) is a duplicate, not a second run.
        using var retried = await PostAsync("evt_1", Opened, DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);

        using var quoteOnly = await PostAsync("evt_quote", """{"type": "ticket.commented", "ticket": {"key": "OPS-42"}, "comment": {"body": "> 1. How many users?"}}""", DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.NoContent, quoteOnly.StatusCode);
        Assert.Equal(RunStatuses.AwaitingInput, (await _api.WaitForAsync("webhook:generic", runId, RunStatuses.AwaitingInput)).Status);

        using var reply = await PostAsync("evt_2", """{"type": "ticket.commented", "ticket": {"key": "OPS-42"}, "comment": {"body": "Scale: about 300 staff\nTeam: 2 engineers who know C#"}}""", DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var done = await _api.WaitForAsync("webhook:generic", runId, RunStatuses.Completed, RunStatuses.CompletedWithIssues, RunStatuses.Failed);
        Assert.Equal(300, done.Document().Context!.Figures.Users!.Value);
        Assert.Equal(1, await _api.QueryAsync(db => db.Runs.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task BadBodies_Are4xxNamingTheField_UnknownTypeIs204()
    {
        using var noKey = await PostAsync("evt_a", """{"type": "ticket.opened", "ticket": {"title": "x"}}""", DateTimeOffset.UtcNow);
        using var unknown = await PostAsync("evt_b", """{"type": "ticket.closed", "ticket": {"key": "OPS-1"}}""", DateTimeOffset.UtcNow);
        using var notJson = await PostAsync("evt_c", "{\"type\":", DateTimeOffset.UtcNow);
        using var callbackWithoutSecret = await PostAsync("evt_d", """{"type": "ticket.opened", "ticket": {"key": "OPS-2", "title": "x"}, "callbackUrl": "https://example.com/hook"}""", DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.True((await noKey.JsonAsync()).GetProperty("errors").TryGetProperty("ticket.key", out _));
        Assert.Equal(HttpStatusCode.NoContent, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, callbackWithoutSecret.StatusCode);
        Assert.True((await callbackWithoutSecret.JsonAsync()).GetProperty("errors").TryGetProperty("callbackUrl", out _));
        Assert.Equal(0, await _api.QueryAsync(db => db.Runs.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task UnconfiguredSources_Answer404Problems()
    {
        using var github = await _client.PostAsync("/v1/webhooks/github", new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var jira = await _client.PostAsync("/v1/webhooks/jira", new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, github.StatusCode);
        Assert.Contains("Webhooks:GitHub:Secret", (await github.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, jira.StatusCode);
        Assert.Equal("application/problem+json", jira.Content.Headers.ContentType?.MediaType);
    }
}
