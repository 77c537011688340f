using System.Diagnostics;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Core.Workflows;

namespace ArchitectAgents.Bench.Service;

/// <summary>
/// Item 4: full offline runs per second through the real API process and its worker (a checkpoint per superstep in
/// the store), on SQLite and on PostgreSQL, driven by concurrent clients in this process; p50/p99 of POST /v1/runs and
/// GET /v1/runs/{id}. Baselines from the same run: the same runs in-process (engine, offline agents and validators, no
/// API or store) at the same concurrency, and GET /health/live through the same server under the same load.
/// </summary>
public static class Throughput
{
    private const string Item = "4 Service throughput";
    private const int Concurrency = 4;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter log)
    {
        var brief = await File.ReadAllTextAsync(Path.Combine(options.Root, "examples", "briefs", "telehealth.md"));
        var inProcess = await InProcessAsync(options, brief);
        log.WriteLine($"[4] in-process: {inProcess:0.00} runs/s");

        var rows = new List<ResultRow>();
        using var dir = new TempDir();
        var sqlite = await ThroughApiAsync(options, $"Data Source={Path.Combine(dir.Path, "runs.db")}", brief, log);
        rows.AddRange(Rows("SQLite", sqlite, inProcess, "in-process, no API/store", options));
        if (options.Postgres is { Length: > 0 } pg)
        {
            var postgres = await ThroughApiAsync(options, pg, brief, log);
            rows.AddRange(Rows("PostgreSQL", postgres, sqlite.RunsPerSecond, "SQLite", options));
        }
        else
        {
            rows.Add(new(Item, "PostgreSQL", "not measured", "-", "n/a", "no PostgreSQL server (bench/run.sh starts one when PostgreSQL is installed)"));
        }

        return rows;
    }

    private sealed record Measured(double RunsPerSecond, RunsClient Client, int Completed, int Total);

    private static IEnumerable<ResultRow> Rows(string store, Measured m, double baseline, string baselineName, BenchOptions options)
    {
        var post = m.Client.PostMs.ToList();
        var get = m.Client.GetMs.ToList();
        var live = m.Client.LiveMs.ToList();
        string P(List<double> v) => $"p50 {Format.Ms(Format.Percentile(v, 50))}, p99 {Format.Ms(Format.Percentile(v, 99))}";
        var note = $"{m.Completed}/{m.Total} runs completed; {options.ThroughputClients} clients, MaxConcurrentRuns {Concurrency}";
        yield return new(Item, $"full offline runs/s, {store}", Format.N(m.RunsPerSecond, "0.00") + " runs/s", Format.N(baseline, "0.00") + $" runs/s ({baselineName})",
            Format.Ratio(m.RunsPerSecond, baseline, $"{store}/{baselineName.Split(',')[0]}"), note);
        yield return new(Item, $"POST /v1/runs, {store}", P(post), P(live) + " (GET /health/live)", Format.Ratio(Format.Percentile(post, 99), Format.Percentile(live, 99), "p99 POST/live"), $"{post.Count} requests");
        yield return new(Item, $"GET /v1/runs/{{id}}, {store}", P(get), P(live) + " (GET /health/live)", Format.Ratio(Format.Percentile(get, 99), Format.Percentile(live, 99), "p99 GET/live"), $"{get.Count} requests");
    }

    private static async Task<Measured> ThroughApiAsync(BenchOptions options, string connection, string brief, TextWriter log)
    {
        await using var api = await ApiProcess.StartAsync(options, connection, new Dictionary<string, string>
        {
            ["Runs__MaxConcurrentRuns"] = Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Runs__PollIntervalMs"] = "50",
        }, log);
        var client = new RunsClient(api.Client);

        // Warm-up outside the measurement: JIT and connection pools on both sides.
        await client.WaitAsync(await client.CreateAsync(brief), TimeSpan.FromMilliseconds(50));
        client.PostMs.Clear();
        client.GetMs.Clear();
        client.LiveMs.Clear();

        var next = 0;
        var completed = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.ThroughputClients).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= options.ThroughputRuns)
            {
                var id = await client.CreateAsync(brief);
                if (await client.WaitAsync(id, TimeSpan.FromMilliseconds(50)) is "completed" or "completed_with_issues")
                {
                    Interlocked.Increment(ref completed);
                }
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        log.WriteLine($"[4] {completed}/{options.ThroughputRuns} runs in {elapsed:0.0} s through the API");
        return new Measured(completed / elapsed, client, completed, options.ThroughputRuns);
    }

    private static async Task<double> InProcessAsync(BenchOptions options, string brief)
    {
        var catalog = AgentCatalog.LoadDirectory(Path.Combine(options.Root, "agents"));
        var workflow = WorkflowLoader.LoadFile(Path.Combine(options.Root, "workflows", "architect-design.yaml"), catalog);
        await using var validators = new ValidatorSet(new ValidatorOptions { NodeToolsPath = Path.Combine(options.Root, "tools", "validators") });
        var runner = new DesignRunner(new WorkflowFactory(catalog, new OfflineAgentProvider(), validators.Validators));
        Task<DesignRunResult> One(int i) => runner.RunAsync(workflow, new DesignRunInput { RunId = "inproc-" + i, BriefText = brief });
        await One(-1);

        var next = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= options.ThroughputRuns)
            {
                var result = await One(i);
                if (result.Status is not (DesignRunStatus.Completed or DesignRunStatus.CompletedWithIssues))
                {
                    throw new InvalidOperationException("an in-process run failed: " + result.Error);
                }
            }
        }));
        return options.ThroughputRuns / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
