using System.Diagnostics;
using ArchitectAgents.Bench.Engine;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Workflows;

namespace ArchitectAgents.Bench.Models;

/// <summary>
/// Item 2: every agent on the stub model with a fixed latency. Wall time of a run of the real workflow versus
/// (a) its critical path, summed from the nodes' own measured durations with the fan-out branches taking their
/// maximum, and (b) a run of the same workflow with the fan-out replaced by a chain (designer → security-reviewer →
/// artifact-validator → checklist-gate).
/// </summary>
public static class Parallelism
{
    private const string Item = "2 Parallelism";
    private static readonly string[] Branches = ["security-reviewer", "artifact-validator"];

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchOptions options, TextWriter log)
    {
        await using var rig = await StubRig.StartAsync(options.Root, options.AgentLatency);
        var brief = await File.ReadAllTextAsync(Path.Combine(options.Root, "examples", "briefs", "telehealth.md"));
        var sequential = Sequential(rig);

        await rig.RunAsync(brief); // warm-up: JIT, HTTP connections, validator host
        var parallelWall = new List<double>();
        var criticalPath = new List<double>();
        var sequentialWall = new List<double>();
        var calls = 0;
        for (var i = 0; i < options.ParallelismRuns; i++)
        {
            var observer = new PathObserver();
            var before = rig.Stub.Calls.Count;
            parallelWall.Add(await TimeAsync(() => rig.RunAsync(brief, observer: observer)));
            calls = rig.Stub.Calls.Count - before;
            criticalPath.Add(CriticalPath(observer));
            sequentialWall.Add(await TimeAsync(() => rig.RunAsync(brief, sequential)));
        }

        var wall = Median(parallelWall);
        var path = Median(criticalPath);
        var chain = Median(sequentialWall);
        log.WriteLine($"[2] parallel {wall:0} ms, critical path {path:0} ms, sequential {chain:0} ms");
        var note = $"stub model at {options.AgentLatency.TotalMilliseconds:0} ms per call, {calls} model calls per run, real validators; median of {options.ParallelismRuns}";
        return
        [
            new(Item, "wall per run vs critical path", Format.Ms(wall), Format.Ms(path) + " (critical path)", Format.Ratio(wall, path, "wall/critical path"), note),
            new(Item, "wall per run vs same agents chained", Format.Ms(wall), Format.Ms(chain) + " (chained)", Format.Ratio(wall, chain, "parallel/chained")),
        ];
    }

    /// <summary>The real workflow with the fan-out and fan-in replaced by a chain through both branches.</summary>
    private static WorkflowDefinition Sequential(StubRig rig)
    {
        var yaml = File.ReadAllText(Path.Combine(rig.Root, "workflows", "architect-design.yaml"));
        var fanOut = "  - from: designer\n    to: [security-reviewer, artifact-validator]\n";
        var fanIn = "  - from: [security-reviewer, artifact-validator]\n    to: checklist-gate\n";
        if (!yaml.Contains(fanOut, StringComparison.Ordinal) || !yaml.Contains(fanIn, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("workflows/architect-design.yaml no longer has the fan-out this benchmark chains; update Parallelism.Sequential");
        }

        yaml = yaml.Replace(fanOut, "  - from: designer\n    to: security-reviewer\n  - from: security-reviewer\n    to: artifact-validator\n", StringComparison.Ordinal)
            .Replace(fanIn, "  - from: artifact-validator\n    to: checklist-gate\n", StringComparison.Ordinal);
        return WorkflowLoader.Parse(yaml, "architect-design-chained.yaml", rig.Catalog);
    }

    /// <summary>Sum of the measured node durations, counting the two parallel branches of each round once, by their longer one.</summary>
    private static double CriticalPath(PathObserver observer)
    {
        var completed = observer.Completed.ToList();
        var serial = completed.Where(c => !Branches.Contains(c.Node)).Sum(c => (double)c.DurationMs);
        var reviews = completed.Where(c => c.Node == Branches[0]).Select(c => (double)c.DurationMs).ToList();
        var validations = completed.Where(c => c.Node == Branches[1]).Select(c => (double)c.DurationMs).ToList();
        var branches = reviews.Select((r, i) => Math.Max(r, i < validations.Count ? validations[i] : 0)).Sum();
        return serial + branches;
    }

    private static async Task<double> TimeAsync(Func<Task<DesignRunResult>> run)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await run();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return result.Status is DesignRunStatus.Completed or DesignRunStatus.CompletedWithIssues
            ? elapsed
            : throw new InvalidOperationException("a stub-model run failed: " + result.Error);
    }

    private static double Median(List<double> values) => Format.Percentile(values, 50);
}
