using System.Net.Http.Json;
using System.Text.Json;
using ArchitectAgents.Runs.Keys;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Tests.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArchitectAgents.Api.Tests;

/// <summary>The real API in-process on a store of its own: a fresh SQLite file, or a fresh PostgreSQL database.</summary>
internal sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _sqliteFile;
    private readonly Action<IServiceCollection>? _services;

    public ApiFactory(Dictionary<string, string?>? settings = null, string? connectionString = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        if (connectionString is null)
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"architect-api-{Guid.NewGuid():N}.db");
            connectionString = $"Data Source={_sqliteFile}";
        }

        ConnectionString = connectionString;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Runs"] = connectionString,
            ["Runs:PollIntervalMs"] = "100",
            ["Api:RateLimitPermits"] = "100000",
            ["Api:WebhookRateLimitPermits"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public string ConnectionString { get; }

    /// <summary>Extra service registrations applied after the app's own (an in-memory exporter, for example).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Where the host's warnings and errors go.</summary>
    public string LogFile { get; } = Path.Combine(Path.GetTempPath(), $"architect-api-{Guid.NewGuid():N}.log");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepoPaths.Root);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider(LogFile)));
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
        builder.ConfigureTestServices(services => TestServices?.Invoke(services));
    }

    /// <summary>A new API key, as its owner would paste it.</summary>
    public async Task<string> CreateKeyAsync(string name = "test")
    {
        var factory = Services.GetRequiredService<IDbContextFactory<ArchitectDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await StoreRegistration.EnsureSchemaAsync(db, CancellationToken.None);
        var (_, key) = await ApiKeyService.CreateAsync(db, name, TimeProvider.System, CancellationToken.None);
        return key;
    }

    /// <summary>How many checkpoints the store holds for a run.</summary>
    public async Task<int> CheckpointCountAsync(string runId)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<ArchitectDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Checkpoints.CountAsync(c => c.SessionId == runId);
    }

    /// <summary>A client authenticated with a new API key.</summary>
    public async Task<HttpClient> ClientAsync(string name = "test")
    {
        var key = await CreateKeyAsync(name);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(LogFile);
        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}

/// <summary>Helpers for driving runs through HTTP.</summary>
internal static class RunClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> CreateAsync(this HttpClient client, string brief, object? options = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/runs") { Content = JsonContent.Create(new { brief, options }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> GetRunAsync(this HttpClient client, string id) =>
        await client.GetFromJsonAsync<JsonElement>($"/v1/runs/{id}", TestContext.Current.CancellationToken);

    /// <summary>Polls until the run reaches one of the statuses.</summary>
    public static async Task<JsonElement> WaitForAsync(this HttpClient client, string id, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var run = await client.GetRunAsync(id);
            if (statuses.Contains(run.GetProperty("status").GetString()))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {id} stayed {run.GetProperty("status").GetString()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Reads an SSE stream until 'end' (or until <paramref name="stopAfter"/> events), returning (id, type, data).</summary>
    public static async Task<List<(long Id, string Type, string Data)>> ReadEventsAsync(this HttpClient client, string id, long? lastEventId = null, int? stopAfter = null, (string Type, string Node)? untilEvent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/runs/{id}/events");
        if (lastEventId is { } last)
        {
            request.Headers.Add("Last-Event-ID", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var events = new List<(long, string, string)>();
        long? currentId = null;
        string? type = null;
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                currentId = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                if (type == "end")
                {
                    break;
                }

                events.Add((currentId!.Value, type!, line[6..]));
                if (events.Count == stopAfter || (untilEvent is { } until && type == until.Type && line.Contains($"\"node\":\"{until.Node}\"", StringComparison.Ordinal)))
                {
                    break;
                }
            }
        }

        return events;
    }
}
