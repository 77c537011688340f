using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ArchitectAgents.StubModel;

namespace ArchitectAgents.Bench.Service;

/// <summary>
/// Item 5: many runs in flight on one API process, every agent on the stub model with a long latency. Peak RSS,
/// p99 GET /v1/runs/{id} while they run and SSE events delivered per second, each against a baseline taken on the
/// same process before the load: idle RSS, GET latency with one run in flight, and the wall time of that one run.
/// </summary>
public static class ManyRuns
{
    private const string Item = "5 Many runs in flight";

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter log)
    {
        var brief = await File.ReadAllTextAsync(Path.Combine(options.Root, "examples", "briefs", "telehealth.md"));
        await using var stub = await StubModelServer.StartAsync(options.ManyRunsLatency);
        using var dir = new TempDir();
        var store = options.Postgres is { Length: > 0 } ? "PostgreSQL" : "SQLite";
        var connection = options.Postgres is { Length: > 0 } pg ? pg : $"Data Source={Path.Combine(dir.Path, "runs.db")}";
        var n = options.ManyRuns;
        await using var api = await ApiProcess.StartAsync(options, connection, new Dictionary<string, string>
        {
            ["Runs__MaxConcurrentRuns"] = Math.Max(n, 2).ToString(CultureInfo.InvariantCulture),
            ["Runs__PollIntervalMs"] = "100",
            ["Models__stub__Provider"] = "OpenAICompatible",
            ["Models__stub__Endpoint"] = stub.OpenAIEndpoint,
            ["Models__stub__Model"] = "stub-model",
            ["Models__stub__ApiKey"] = "sk-bench",
            ["Models__stub__TimeoutSeconds"] = "600",
        }, log);
        var models = new Dictionary<string, string> { ["*"] = "stub" };

        // Baselines on the same process: one untimed warm-up run (JIT), idle RSS, then one run alone (its wall time
        // and GET latency meanwhile).
        var idle = new RunsClient(api.Client);
        await idle.WaitAsync(await idle.CreateAsync(brief, models), TimeSpan.FromMilliseconds(100));
        idle.GetMs.Clear();
        await Task.Delay(1000);
        var idleRss = api.Rss();
        var single = Stopwatch.GetTimestamp();
        var first = await idle.CreateAsync(brief, models);
        var singleEvents = idle.CountEventsAsync(first);
        await idle.WaitAsync(first, TimeSpan.FromMilliseconds(20));
        var singleWall = Stopwatch.GetElapsedTime(single).TotalSeconds;
        var eventsPerRun = await singleEvents;
        log.WriteLine($"[5] one run alone: {singleWall:0.0} s, {eventsPerRun} events; idle RSS {Format.Bytes(idleRss)}");

        var load = new RunsClient(api.Client);
        var peakRss = api.Rss();
        var inFlight = new ConcurrentDictionary<string, bool>();
        var finals = new ConcurrentDictionary<string, string>();
        var delivered = new System.Runtime.CompilerServices.StrongBox<long>();
        var fullStreams = 0;
        using var stop = new CancellationTokenSource(options.ManyRunsTimeout);
        var started = Stopwatch.GetTimestamp();

        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, api.Rss());
                await Task.Delay(250, CancellationToken.None);
            }
        });

        using var submitGate = new SemaphoreSlim(32);
        var runs = Enumerable.Range(0, n).Select(async i =>
        {
            string id;
            await submitGate.WaitAsync();
            try
            {
                id = await load.CreateAsync(brief, models, stop.Token);
            }
            finally
            {
                submitGate.Release();
            }

            inFlight[id] = true;
            try
            {
                var events = await load.CountEventsAsync(id, delivered, stop.Token);
                finals[id] = await load.StatusAsync(id, stop.Token);
                if (events == eventsPerRun)
                {
                    Interlocked.Increment(ref fullStreams);
                }
            }
            finally
            {
                inFlight.TryRemove(id, out _);
            }
        }).ToList();

        // Pollers: GET a random in-flight run, as dashboards would, while the runs go.
        var pollers = Enumerable.Range(0, 4).Select(async _ =>
        {
            while (!stop.IsCancellationRequested && runs.Any(r => !r.IsCompleted))
            {
                var ids = inFlight.Keys.ToArray();
                if (ids.Length > 0)
                {
                    try
                    {
                        await load.StatusAsync(ids[Random.Shared.Next(ids.Length)], stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                await Task.Delay(50, CancellationToken.None);
            }
        }).ToList();

        try
        {
            await Task.WhenAll(runs);
        }
        catch (OperationCanceledException)
        {
            log.WriteLine($"[5] stopped after {options.ManyRunsTimeout.TotalMinutes:0.#} min with {n - finals.Count} runs not finished");
        }

        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(pollers);
        await sampler;
        peakRss = Math.Max(peakRss, api.PeakRss());
        var done = finals.Values.Count(s => s is "completed" or "completed_with_issues");
        log.WriteLine($"[5] {done}/{n} completed in {wall:0.0} s; peak RSS {Format.Bytes(peakRss)}; {delivered.Value} events");
        var timedOut = done < n ? $"; stopped at the {options.ManyRunsTimeout.TotalMinutes:0.#}-minute limit with {n - done} runs unfinished" : "";

        var get = load.GetMs.ToList();
        var idleGet = idle.GetMs.ToList();
        var note = $"{n} runs, stub latency {options.ManyRunsLatency.TotalSeconds:0.##} s/call, {store}, Runs__MaxConcurrentRuns={Math.Max(n, 2)}";
        return
        [
            new(Item, "runs completed / wall time", $"{done}/{n} in {Format.N(wall, "0.0")} s", Format.N(singleWall, "0.0") + " s (one run alone)",
                done == n ? Format.Ratio(wall, singleWall, "wall all/one") : "n/a (not all finished)", note + timedOut),
            new(Item, "peak RSS of the API process", Format.Bytes(peakRss), Format.Bytes(idleRss) + " (idle, same process)", Format.Ratio(peakRss, idleRss, "peak/idle"),
                $"{Format.Bytes((peakRss - idleRss) / (double)Math.Max(1, n))} per run in flight"),
            new(Item, "p99 GET /v1/runs/{id} while they run", Format.Ms(Format.Percentile(get, 99)), Format.Ms(Format.Percentile(idleGet, 99)) + " (one run in flight)",
                Format.Ratio(Format.Percentile(get, 99), Format.Percentile(idleGet, 99), "loaded/idle"), $"{get.Count} GETs, p50 {Format.Ms(Format.Percentile(get, 50))}"),
            new(Item, "SSE events delivered per second", Format.N(delivered.Value / wall, "0.0") + " events/s", Format.N(eventsPerRun / singleWall, "0.0") + " events/s (one run alone)",
                Format.Ratio(delivered.Value / wall, eventsPerRun / singleWall, "all/one"),
                $"{n} SSE streams open at once; {fullStreams}/{done} finished runs' streams delivered all {eventsPerRun} events"),
        ];
    }
}
