using System.Diagnostics;
using ArchitectAgents.Bench.Engine;
using ArchitectAgents.Bench.Models;
using ArchitectAgents.Bench.Service;

namespace ArchitectAgents.Bench;

/// <summary>Runs the selected items in order; an item that fails becomes a row saying so instead of stopping the others.</summary>
public static class Harness
{
    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter log)
    {
        var items = new (int Number, string Name, Func<Task<IReadOnlyList<ResultRow>>> Run)[]
        {
            (1, "1 Engine overhead", () => EngineOverhead.RunAsync(options, log)),
            (2, "2 Parallelism", () => Parallelism.RunAsync(options, log)),
            (3, "3 Tokens", () => Tokens.RunAsync(options, log)),
            (4, "4 Service throughput", () => Throughput.RunAsync(options, log)),
            (5, "5 Many runs in flight", () => ManyRuns.RunAsync(options, log)),
            (6, "6 Cold start", () => ColdStart.RunAsync(options, log)),
            (7, "7 Workers (issue 10)", () => Workers.RunAsync(options, log)),
        };

        var rows = new List<ResultRow>();
        foreach (var (number, name, run) in items.Where(i => options.Runs(i.Number)))
        {
            var started = Stopwatch.GetTimestamp();
            log.WriteLine($"[{number}] {name} ...");
            try
            {
                rows.AddRange(await run());
            }
            catch (Exception e)
            {
                log.WriteLine($"[{number}] FAILED: {e}");
                rows.Add(new ResultRow(name, "failed", "-", "-", "n/a", e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" ")));
            }

            log.WriteLine($"[{number}] done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
        }

        return rows;
    }
}
