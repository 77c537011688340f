using System.Diagnostics;
using System.Text.Json;
using ArchitectAgents.Core.Engine;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ArchitectAgents.Bench.Engine;

/// <summary>Item 1: µs and bytes per run of ours versus raw MAF, and LangGraph.js on the same shape.</summary>
public static class EngineOverhead
{
    private const string Item = "1 Engine overhead";

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter log)
    {
        var fixture = new EngineFixture(options.Root);
        await fixture.PrepareAsync();
        var shape = $"{fixture.NodesPerRun} node runs, clarify {(fixture.Clarify ? "yes" : "no")}, {fixture.Revisions} revision(s)";
        log.WriteLine($"[1] path of one run: {shape}");

        (double Us, double Bytes) ours, raw;
        string method;
        if (options.UseBenchmarkDotNet)
        {
            (raw, ours) = RunBenchmarkDotNet(options, log);
            method = "BenchmarkDotNet ShortRun, in-process, MemoryDiagnoser";
        }
        else
        {
            raw = await MeasureAsync(fixture.RunRawAsync, options.EngineRuns);
            ours = await MeasureAsync(async () => Check(await fixture.RunOursAsync()), options.EngineRuns);
            method = $"warm loop of {options.EngineRuns} runs";
        }

        var rows = new List<ResultRow>
        {
            new(Item, "µs per run (ours vs raw MAF)", Format.N(ours.Us, "0.0") + " µs", Format.N(raw.Us, "0.0") + " µs (raw MAF)", Format.Ratio(ours.Us, raw.Us, "ours/raw"), $"{method}; {shape}"),
            new(Item, "bytes allocated per run", Format.Bytes(ours.Bytes), Format.Bytes(raw.Bytes) + " (raw MAF)", Format.Ratio(ours.Bytes, raw.Bytes, "ours/raw")),
        };

        if (options.LangGraph)
        {
            var peer = await LangGraphAsync(options, fixture, log);
            rows.Add(peer is { } lg
                ? new(Item, "µs per run (LangGraph.js vs ours)", Format.N(lg.Us, "0.0") + " µs", Format.N(ours.Us, "0.0") + " µs (ours)", Format.Ratio(lg.Us, ours.Us, "LangGraph/ours"),
                    $"LangGraph.js {lg.Version} on node {lg.Node}, compiled once, {lg.Runs} invokes after {Math.Max(1, lg.Runs / 5)} warm-up; bytes not compared (V8 has no allocation counter)")
                : new(Item, "µs per run (LangGraph.js vs ours)", "not measured", "", "n/a", "run `npm ci` in bench/peers/langgraph (bench/run.sh does)"));
        }

        return rows;
    }

    private static DesignRunStatus Check(DesignRunStatus status) =>
        status is DesignRunStatus.Completed or DesignRunStatus.CompletedWithIssues ? status : throw new InvalidOperationException("a no-op run did not complete: " + status);

    /// <summary>Warm-up of a fifth of the runs, then the mean wall time and allocated bytes (all threads) per run.</summary>
    private static async Task<(double Us, double Bytes)> MeasureAsync<T>(Func<Task<T>> run, int runs)
    {
        for (var i = 0; i < Math.Max(1, runs / 5); i++)
        {
            await run();
        }

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < runs; i++)
        {
            await run();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return (elapsed.TotalMicroseconds / runs, (double)bytes / runs);
    }

    private static ((double Us, double Bytes) Raw, (double Us, double Bytes) Ours) RunBenchmarkDotNet(BenchOptions options, TextWriter log)
    {
        Environment.SetEnvironmentVariable(EngineBenchmarks.RootVariable, options.Root);
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(new StreamLogger(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true }))
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .WithArtifactsPath(Path.Combine(options.Root, "bench", "results", ".artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<EngineBenchmarks>(config);
        (double, double) Of(string method)
        {
            var report = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
            if (report.ResultStatistics is null)
            {
                throw new InvalidOperationException($"BenchmarkDotNet produced no result for {method}");
            }

            return (report.ResultStatistics.Mean / 1000, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? double.NaN);
        }

        log.WriteLine("[1] BenchmarkDotNet done");
        return (Of(nameof(EngineBenchmarks.RawMaf)), Of(nameof(EngineBenchmarks.Ours)));
    }

    private sealed record PeerResult(double Us, double HeapBytes, int Runs, string Version, string Node);

    private static async Task<PeerResult?> LangGraphAsync(BenchOptions options, EngineFixture fixture, TextWriter log)
    {
        var dir = Path.Combine(options.Root, "bench", "peers", "langgraph");
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "@langchain", "langgraph")))
        {
            log.WriteLine("[1] LangGraph.js peer not installed; skipped");
            return null;
        }

        var runs = options.EngineRuns.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (code, stdout, stderr) = await Processes.RunAsync("node", ["bench.mjs", runs, fixture.Clarify ? "1" : "0", fixture.Revisions.ToString(System.Globalization.CultureInfo.InvariantCulture)], dir, TimeSpan.FromMinutes(5));
        if (code != 0)
        {
            log.WriteLine("[1] LangGraph.js peer failed: " + stderr);
            return null;
        }

        using var json = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        return new PeerResult(root.GetProperty("usPerRun").GetDouble(), root.GetProperty("heapBytesPerRun").GetDouble(), root.GetProperty("runs").GetInt32(),
            root.GetProperty("langgraph").GetString() ?? "?", root.GetProperty("node").GetString() ?? "?");
    }
}
