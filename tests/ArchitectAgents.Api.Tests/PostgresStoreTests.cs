using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace ArchitectAgents.Api.Tests;

/// <summary>The same store on a real PostgreSQL server (started by scripts/test.sh), each test in a database of its own.</summary>
public sealed class PostgresStoreTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private ApiFactory? _api;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        if (_database is not null)
        {
            _api = new ApiFactory(connectionString: _database.ConnectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
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
    public async Task OnPostgres_RunCompletesAndEventsReplay()
    {
        Assert.SkipWhen(_api is null, TestDatabase.SkipReason);
        var client = await _api!.ClientAsync();

        var id = (await client.CreateAsync("# Clinic\nTeam of 4, 20k patients, HIPAA, 99.9% uptime, US only.")).GetProperty("id").GetString()!;
        var run = await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");

        Assert.Equal("completed", run.GetProperty("status").GetString());
        var events = await client.ReadEventsAsync(id);
        var tail = await client.ReadEventsAsync(id, lastEventId: events[5].Id);
        Assert.Equal(events.Skip(6).Select(e => e.Id), tail.Select(e => e.Id));
        var doc = await client.GetFromJsonAsync<JsonElement>($"/v1/runs/{id}/document", TestContext.Current.CancellationToken);
        Assert.Equal("pass", doc.GetProperty("gate").GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task OnPostgres_QuestionsResumeAndIdempotencyHold()
    {
        Assert.SkipWhen(_api is null, TestDatabase.SkipReason);
        var client = await _api!.ClientAsync();

        var first = await client.CreateAsync("# Gym\nMembers book classes.", new { interactive = true }, idempotencyKey: "pg-1");
        var again = await client.CreateAsync("# Gym\nMembers book classes.", new { interactive = true }, idempotencyKey: "pg-1");
        var id = first.GetProperty("id").GetString()!;
        Assert.Equal(id, again.GetProperty("id").GetString());

        await client.WaitForAsync(id, "awaiting_input");
        using var answered = await client.PostAsJsonAsync($"/v1/runs/{id}/answers", new { answers = new Dictionary<string, string> { ["q-team"] = "Team of 3 developers" } }, TestContext.Current.CancellationToken);
        answered.EnsureSuccessStatusCode();
        var run = await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");

        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal(2, run.GetProperty("attempts").GetInt32());
    }
}
