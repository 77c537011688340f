using System.Net;
using System.Net.Http.Json;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ArchitectAgents.Api.Tests.Webhooks;

/// <summary>Webhook intake and the delivery queue on a real PostgreSQL server (started by scripts/test.sh).</summary>
public sealed class WebhookPostgresTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private StubServer _receiver = null!;
    private ApiFactory? _api;

    public async ValueTask InitializeAsync()
    {
        _receiver = await StubServer.StartAsync();
        _database = await TestDatabase.CreateAsync();
        if (_database is null)
        {
            return;
        }

        _api = new ApiFactory(new()
        {
            ["Webhooks:GitHub:Secret"] = Fixtures.Secret,
            ["Webhooks:Callbacks:Secret"] = "callback-secret",
            ["Webhooks:Callbacks:AllowedHosts:0"] = "127.0.0.0/8",
            ["Webhooks:Callbacks:PollIntervalMs"] = "50",
        }, _database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task OnPostgres_RacingDeliveriesStartOneRun_CallbackIsDelivered()
    {
        Assert.SkipWhen(_api is null, TestDatabase.SkipReason);
        var client = _api!.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => i % 2 == 0
            ? client.PostGitHubAsync("issues", $"race-{i}", Fixtures.Bytes("github.issues.labeled.json"), Fixtures.Signature("github.issues.labeled.json"))
            : client.PostGitHubAsync("issues", $"race-{i}", Fixtures.Bytes("github.issues.opened-architecture.json"), Fixtures.Signature("github.issues.opened-architecture.json"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.Equal(1, await _api.QueryAsync(db => db.Runs.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(6, await _api.QueryAsync(db => db.WebhookDeliveries.CountAsync(TestContext.Current.CancellationToken)));

        var owner = await _api.ClientAsync();
        using var created = await owner.PostAsJsonAsync("/v1/runs", new { brief = "# Notes\nAn internal notes tool for 300 staff. Team of 3 engineers (C#).", callbackUrl = _receiver.Url + "/hook" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var request = (await _receiver.WaitForAsync(1))[0];
        Assert.Contains("\"type\":\"run.completed\"", request.Body, StringComparison.Ordinal);
        var delivery = await _api.QueryAsync(db => db.Deliveries.SingleAsync(d => d.Channel == "callback", TestContext.Current.CancellationToken));
        Assert.Equal(request.Headers["webhook-id"], delivery.Id);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
