using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ArchitectAgents.Runs.Keys;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Api.Tests;

/// <summary>The API as a real process, killed with SIGKILL mid-run and started again: the run completes from its checkpoint.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task KilledMidRun_RestartCompletesTheRunAndFinishedAgentsDoNotRunAgain()
    {
        using var dir = new TempDirectory();
        var (connection, port, client) = await PrepareAsync(dir);
        using var _ = client;

        var first = Start(connection, port);
        string id;
        try
        {
            await WaitUntilReadyAsync(client);
            id = (await client.CreateAsync("# Crash test\nTeam of 3 engineers, 2k users, internal tool.")).GetProperty("id").GetString()!;
            // The designer's superstep is checkpointed before the next one starts.
            await WaitForEventAsync(client, id, "security-reviewer", "node_started");
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var second = Start(connection, port);
        try
        {
            await WaitUntilReadyAsync(client);
            var run = await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");

            Assert.Equal("completed", run.GetProperty("status").GetString());
            Assert.Equal(2, run.GetProperty("attempts").GetInt32());
            var events = await client.ReadEventsAsync(id);
            var completed = events.Where(e => e.Type == "node_completed").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("node").GetString()).ToList();
            Assert.All(completed.GroupBy(n => n), g => Assert.True(g.Count() == 1, $"{g.Key} completed {g.Count()} times"));
            Assert.Equal(["intake", "context-gatherer", "docs-verifier", "designer"], completed.Take(4));
            Assert.Contains(events, e => e.Type == "run_started" && e.Data.Contains("resumedFrom", StringComparison.Ordinal));
        }
        finally
        {
            second.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Sigterm_HandsTheRunBackToTheQueueAndARestartFinishesIt()
    {
        using var dir = new TempDirectory();
        var (connection, port, client) = await PrepareAsync(dir);
        using var _ = client;
        var first = Start(connection, port);
        await WaitUntilReadyAsync(client);
        var id = (await client.CreateAsync("# Shutdown test\nTeam of 3 engineers, 2k users, internal tool.")).GetProperty("id").GetString()!;
        await WaitForEventAsync(client, id, "context-gatherer");

        // Signalled only while alive: an exited process's pid may be reused by another (a test host beside this one).
        Assert.False(first.HasExited, "the service exited before it was stopped");
        using (var term = Process.Start("kill", ["-TERM", first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await first.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await using (var db = StoreRegistration.Open(connection))
        {
            var stored = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Runs, r => r.Id == id, TestContext.Current.CancellationToken);
            Assert.Equal(RunStatuses.Queued, stored.Status);
            Assert.NotNull(stored.LastCheckpointId);
        }

        var second = Start(connection, port);
        try
        {
            await WaitUntilReadyAsync(client);
            var run = await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");
            Assert.Equal("completed", run.GetProperty("status").GetString());
        }
        finally
        {
            second.Kill(entireProcessTree: true);
        }
    }

    /// <summary>A store with one API key, a free port, and a client that will talk to the API there.</summary>
    private static async Task<(string Connection, int Port, HttpClient Client)> PrepareAsync(TempDirectory dir)
    {
        var connection = $"Data Source={Path.Combine(dir.Path, "runs.db")}";
        string key;
        await using (var db = StoreRegistration.Open(connection))
        {
            await StoreRegistration.EnsureSchemaAsync(db, TestContext.Current.CancellationToken);
            key = (await ApiKeyService.CreateAsync(db, "crash-test", TimeProvider.System, TestContext.Current.CancellationToken)).Key;
        }

        var port = LoopbackPort.Free();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return (connection, port, client);
    }

    private static Process Start(string connection, int port)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "src", "ArchitectAgents.Api", "bin", configuration, "net10.0", "ArchitectAgents.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Runs"] = connection;
        start.Environment["Models__default__LatencyMs"] = "700";
        start.Environment["Runs__PollIntervalMs"] = "100";
        // The test polls every 100 ms; on a loaded machine a run outlasts the default 120 requests a minute.
        start.Environment["Api__RateLimitPermits"] = "100000";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "the API did not become ready");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static async Task WaitForEventAsync(HttpClient client, string id, string node, string type = "node_completed")
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var stream = await client.ReadEventsAsync(id, stopAfter: 1000, untilEvent: (type, node));
            if (stream.Any(e => e.Type == type && e.Data.Contains($"\"node\":\"{node}\"", StringComparison.Ordinal)))
            {
                return;
            }
        }

        Assert.Fail($"no {type} for {node}");
    }
}
