using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ArchitectAgents.Bench.Service;

/// <summary>
/// Issue 10's "also measure" on PostgreSQL with Quartz clustering: runs per second with one API process and 1 versus 2
/// worker processes (offline agents with a simulated model latency, so the workers wait like they would on a model),
/// and the failover time after kill -9 of a worker holding a run, against the configured check-in threshold.
/// </summary>
public static class Workers
{
    private const string Item = "7 Workers (issue 10)";
    // Model-bound work, as in production: each agent call waits a second, and a worker holds two runs at once, so
    // a second worker adds run slots rather than competing for the CPU of a 2-core machine.
    private const int LatencyMs = 1000;
    private const int SlotsPerWorker = 2;
    private const int CheckinMs = 1000;
    private const int ThresholdMs = 3000;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter log)
    {
        if (options.Postgres is not { Length: > 0 } server)
        {
            return [new(Item, "1 vs 2 workers, failover", "not measured", "-", "n/a", "needs a PostgreSQL server (bench/run.sh starts one when PostgreSQL is installed)")];
        }

        var brief = await File.ReadAllTextAsync(Path.Combine(options.Root, "examples", "briefs", "telehealth.md"));
        var runs = Math.Max(4, Math.Min(8, options.ThroughputRuns));
        var one = await ThroughputAsync(options, server, 1, runs, brief, log);
        var two = await ThroughputAsync(options, server, 2, runs, brief, log);
        var failover = await FailoverAsync(options, server, brief, log);
        return
        [
            new(Item, "runs/s, 2 worker processes", Format.N(two, "0.00") + " runs/s", Format.N(one, "0.00") + " runs/s (1 worker)", Format.Ratio(two, one, "2/1 workers"),
                $"{runs} offline runs, {LatencyMs} ms simulated latency per agent, {SlotsPerWorker} runs at once per worker, 1 API process"),
            new(Item, "failover after kill -9", failover is { } f ? Format.N(f.TotalSeconds, "0.0") + " s" : "did not fail over", Format.N(ThresholdMs / 1000.0, "0.0") + " s (check-in threshold)",
                failover is { } g ? Format.Ratio(g.TotalMilliseconds, ThresholdMs, "failover/threshold") : "n/a",
                $"kill -9 to the run's first start on the other worker; check-in every {CheckinMs} ms"),
        ];
    }

    private static async Task<double> ThroughputAsync(BenchOptions options, string server, int workers, int runs, string brief, TextWriter log)
    {
        var connection = await CreateDatabaseAsync(server);
        var nodes = new List<ApiProcess>();
        try
        {
            var api = await ApiProcess.StartAsync(options, connection, Settings("api", "api-1"), log);
            nodes.Add(api);
            for (var i = 1; i <= workers; i++)
            {
                nodes.Add(await ApiProcess.StartAsync(options, connection, Settings("worker", $"worker-{i}"), log));
            }

            var client = new RunsClient(api.Client);
            var started = Stopwatch.GetTimestamp();
            var ids = await Task.WhenAll(Enumerable.Range(0, runs).Select(i => client.CreateAsync($"{brief}\n\n(bench run {i})")));
            await Task.WhenAll(ids.Select(id => client.WaitAsync(id, TimeSpan.FromMilliseconds(250))));
            var perSecond = runs / Stopwatch.GetElapsedTime(started).TotalSeconds;
            log.WriteLine($"[7] {workers} worker(s): {perSecond:0.00} runs/s");
            return perSecond;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task<TimeSpan?> FailoverAsync(BenchOptions options, string server, string brief, TextWriter log)
    {
        var connection = await CreateDatabaseAsync(server);
        var nodes = new List<ApiProcess>();
        try
        {
            var api = await ApiProcess.StartAsync(options, connection, Settings("api", "api-1"), log);
            var victim = await ApiProcess.StartAsync(options, connection, Settings("worker", "worker-1"), log);
            nodes.AddRange([api, victim]);
            var client = new RunsClient(api.Client);
            var ids = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => client.CreateAsync($"{brief}\n\n(failover run {i})")));
            var held = await HeldByAsync(connection, "worker-1", TimeSpan.FromSeconds(60));
            if (held is null)
            {
                return null;
            }

            var survivor = await ApiProcess.StartAsync(options, connection, Settings("worker", "worker-2"), log);
            nodes.Add(survivor);
            await victim.DisposeAsync();
            var killedAt = DateTimeOffset.UtcNow;
            nodes.Remove(victim);
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline)
            {
                await using var db = StoreRegistration.Open(connection);
                var starts = await db.Events.AsNoTracking().Where(e => e.RunId == held && e.Type == "run_started").ToListAsync();
                var moved = starts.Where(e => JsonDocument.Parse(e.DataJson).RootElement.GetProperty("node").GetString() == "worker-2").Select(e => e.CreatedAt).ToList();
                if (moved.Count > 0)
                {
                    await Task.WhenAll(ids.Select(id => client.WaitAsync(id, TimeSpan.FromMilliseconds(250))));
                    return moved.Min() - killedAt;
                }

                await Task.Delay(100);
            }

            return null;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task<string?> HeldByAsync(string connection, string node, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = StoreRegistration.Open(connection);
            // Wait until the run has made progress on the victim, so the failover resumes from a checkpoint.
            var run = await db.Runs.AsNoTracking().Where(r => r.Status == "running" && r.LeaseOwner == node && r.LastCheckpointId != null).Select(r => r.Id).FirstOrDefaultAsync();
            if (run is not null)
            {
                return run;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private static Dictionary<string, string> Settings(string role, string node) => new()
    {
        ["Node__Role"] = role,
        ["Runs__NodeId"] = node,
        ["Runs__MaxConcurrentRuns"] = SlotsPerWorker.ToString(CultureInfo.InvariantCulture),
        ["Runs__PollIntervalMs"] = "200",
        ["Models__default__LatencyMs"] = LatencyMs.ToString(CultureInfo.InvariantCulture),
        ["Scheduling__CheckinIntervalMs"] = CheckinMs.ToString(CultureInfo.InvariantCulture),
        ["Scheduling__CheckinMisfireThresholdMs"] = ThresholdMs.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = "architect_bench_" + Guid.NewGuid().ToString("N")[..10];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
