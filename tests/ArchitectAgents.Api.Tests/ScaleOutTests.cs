using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ArchitectAgents.Runs.Keys;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.StubModel;
using ArchitectAgents.Tests.Common;
using Npgsql;

namespace ArchitectAgents.Api.Tests;

/// <summary>
/// Several real processes on one real PostgreSQL: an API node and worker nodes coordinated by Quartz's clustered
/// store, agents on a stub model with latency. A worker is killed with SIGKILL while it holds runs; another is
/// stopped with SIGTERM; a run is cancelled through the API node while a worker executes it.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private const int Runs = 20;
    private static readonly string[] Done = ["completed", "completed_with_issues", "failed", "cancelled"];
    private static readonly string[] Finished = ["completed", "completed_with_issues"];
    private TestDatabase? _database;
    private readonly List<Process> _processes = [];
    private StubModelServer? _stub;

    private string Connection => _database!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("architect_scale_", pooling: false);
        if (_database is not null)
        {
            _stub = await StubModelServer.StartAsync(TimeSpan.FromMilliseconds(250));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        if (_stub is not null)
        {
            await _stub.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task KilledWorker_ItsRunsResumeOnAnother_NoRunTwiceAtOnce_FinishedAgentsNotCalledAgain()
    {
        Assert.SkipWhen(_database is null, TestDatabase.SkipReason);
        var api = await StartApiAsync();
        var workerA = Start("worker", "worker-a");
        var workerB = Start("worker", "worker-b");

        var ids = new List<string>();
        for (var i = 0; i < Runs; i++)
        {
            ids.Add((await api.CreateAsync($"Booking API number {i} for a clinic, team of 4, 5k bookings a day, HIPAA, US only, 99.9% availability.",
                new { models = new Dictionary<string, string> { ["*"] = "stub" } })).GetProperty("id").GetString()!);
        }

        // Kill worker A once it holds runs that have made progress.
        var lastSeen = "nothing yet";
        var held = await WaitForAsync(async () =>
        {
            var running = await LeasedToAsync("worker-a");
            lastSeen = $"worker-a held [{string.Join(", ", running)}]; {(workerA.HasExited ? $"worker-a exited with {workerA.ExitCode}" : "worker-a alive")}; "
                + $"{_stub!.Calls.Count} model calls, {_stub.Calls.Count(c => c.Agent == "docs-verifier")} by docs-verifier";
            return running.Count >= 2 && _stub!.Calls.Any(c => running.Contains(c.RunId) && c.Agent == "docs-verifier") ? running : null;
        }, () => lastSeen);
        workerA.Kill(entireProcessTree: true);
        var killedAt = DateTimeOffset.UtcNow;

        var finished = new List<JsonElement>();
        foreach (var id in ids)
        {
            finished.Add(await WaitForStatusAsync(api, id, Done, TimeSpan.FromMinutes(4)));
        }

        Assert.All(finished, r => Assert.Contains(r.GetProperty("status").GetString(), Finished));
        var starts = await StartsAsync();
        var failover = new List<TimeSpan>();
        foreach (var id in ids)
        {
            var mine = starts.Where(s => s.RunId == id).OrderBy(s => s.At).ToList();
            Assert.NotEmpty(mine);
            // Never on two nodes at once: worker A's executions all began before it died, any other node's after.
            var onA = mine.Where(s => s.Node == "worker-a").ToList();
            var elsewhere = mine.Where(s => s.Node != "worker-a").ToList();
            Assert.All(onA, s => Assert.True(s.At <= killedAt));
            if (onA.Count > 0 && elsewhere.Count > 0)
            {
                Assert.All(elsewhere, s => Assert.True(s.At > killedAt, $"{id} started on {s.Node} while worker-a still held it"));
                failover.Add(elsewhere[0].At - killedAt);
            }
        }

        Assert.All(held, id => Assert.Contains(starts, s => s.RunId == id && s.Node == "worker-b"));
        // Model calls are money: an agent turn is repeated only where the dead node was in the middle of it.
        foreach (var group in _stub!.Calls.Where(c => c.Status == 200).GroupBy(c => c.RunId))
        {
            var repeated = group.GroupBy(c => (c.Agent, c.Round)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (held.Contains(group.Key))
            {
                Assert.True(repeated.Count <= 2, $"{group.Key} repeated {string.Join(", ", repeated)}");
            }
            else
            {
                Assert.Empty(repeated);
            }
        }

        var figure = $"failover after kill -9: the first resumed run started {failover.Min().TotalSeconds:0.0} s after the kill, the last {failover.Max().TotalSeconds:0.0} s, {failover.Count} run(s) moved (check-in 1 s, threshold 3 s)";
        TestContext.Current.TestOutputHelper?.WriteLine(figure);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "scale-failover.txt"), figure + Environment.NewLine, TestContext.Current.CancellationToken);

        // Cancel through the API node reaches the worker executing the run.
        _stub.Latency = TimeSpan.FromSeconds(1);
        var cancelId = (await api.CreateAsync("Inventory API for a shop, team of 3, 1k orders a day, GDPR.",
            new { models = new Dictionary<string, string> { ["*"] = "stub" } })).GetProperty("id").GetString()!;
        await WaitForAsync(async () => (await LeasedToAsync("worker-b")).Contains(cancelId) ? cancelId : null);
        using (var cancel = await api.PostAsync($"/v1/runs/{cancelId}/cancel", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        var cancelled = await WaitForStatusAsync(api, cancelId, Done, TimeSpan.FromSeconds(60));
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());

        // SIGTERM drains: worker B hands its runs back and exits; worker C finishes them.
        var drainIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            drainIds.Add((await api.CreateAsync($"Drain run {i}: payments API, team of 6, PCI DSS, 200 RPS.",
                new { models = new Dictionary<string, string> { ["*"] = "stub" } })).GetProperty("id").GetString()!);
        }

        await WaitForAsync(async () => (await LeasedToAsync("worker-b")).Count > 0 ? "busy" : null);
        var workerC = Start("worker", "worker-c");
        // Signalled only while alive: an exited process's pid may be reused by another (a test host beside this one).
        Assert.False(workerB.HasExited, "worker B exited before it was stopped");
        using (var term = Process.Start("kill", ["-TERM", workerB.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term!.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using (var exit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await workerB.WaitForExitAsync(exit.Token);
        }

        Assert.Equal(0, workerB.ExitCode);
        foreach (var id in drainIds)
        {
            var run = await WaitForStatusAsync(api, id, Done, TimeSpan.FromMinutes(3));
            Assert.Contains(run.GetProperty("status").GetString(), Finished);
        }

        Assert.False(workerC.HasExited);
    }

    private async Task<HttpClient> StartApiAsync()
    {
        string key;
        await using (var db = StoreRegistration.Open(Connection))
        {
            await StoreRegistration.EnsureSchemaAsync(db, TestContext.Current.CancellationToken);
            key = (await ApiKeyService.CreateAsync(db, "scale-test", TimeProvider.System, TestContext.Current.CancellationToken)).Key;
        }

        var port = LoopbackPort.Free();
        Start("api", "api-1", port);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        await WaitForAsync(async () =>
        {
            try
            {
                using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
                return ready.StatusCode == HttpStatusCode.OK ? "ready" : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        });
        return client;
    }

    private Process Start(string role, string node, int? port = null)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "src", "ArchitectAgents.Api", "bin", configuration, "net10.0", "ArchitectAgents.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port ?? LoopbackPort.Free()}"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Runs"] = Connection;
        start.Environment["Node__Role"] = role;
        start.Environment["Runs__NodeId"] = node;
        start.Environment["Runs__MaxConcurrentRuns"] = "8";
        start.Environment["Runs__PollIntervalMs"] = "200";
        start.Environment["Scheduling__CheckinIntervalMs"] = "1000";
        start.Environment["Scheduling__CheckinMisfireThresholdMs"] = "3000";
        start.Environment["Scheduling__IdleWaitTimeMs"] = "1000";
        start.Environment["Api__RateLimitPermits"] = "100000";
        start.Environment["Models__stub__Provider"] = "OpenAICompatible";
        start.Environment["Models__stub__Endpoint"] = _stub!.OpenAIEndpoint;
        start.Environment["Models__stub__Model"] = "stub-model";
        start.Environment["Models__stub__TimeoutSeconds"] = "30";
        var process = Process.Start(start)!;
        // Each node's output is kept beside the test results for diagnosis.
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(AppContext.BaseDirectory, $"scale-{node}.log"), append: false) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => log.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => log.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    private async Task<List<string>> LeasedToAsync(string node)
    {
        await using var db = StoreRegistration.Open(Connection);
        return [.. db.Runs.Where(r => r.Status == "running" && r.LeaseOwner == node).Select(r => r.Id)];
    }

    private async Task<List<(string RunId, string Node, DateTimeOffset At)>> StartsAsync()
    {
        await using var db = StoreRegistration.Open(Connection);
        var events = db.Events.Where(e => e.Type == "run_started").ToList();
        return [.. events.Select(e =>
        {
            using var data = JsonDocument.Parse(e.DataJson);
            return (e.RunId, data.RootElement.GetProperty("node").GetString()!, e.CreatedAt);
        })];
    }

    private static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string id, string[] statuses, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>($"/v1/runs/{id}", TestContext.Current.CancellationToken);
            if (statuses.Contains(run.GetProperty("status").GetString()))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {id} stayed {run.GetProperty("status").GetString()}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, Func<string>? lastSeen = null) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting; last seen: {lastSeen?.Invoke() ?? "(not recorded)"}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
