namespace ArchitectAgents.Bench.Service;

/// <summary>
/// Issue 10's "also measure": throughput of 1 versus 2 worker processes with simulated model latency, and failover
/// time after kill -9 of the worker holding a run.
/// </summary>
/// <remarks>
/// TODO(issue 10): not measurable yet. The scheduler/roles work (Quartz, API and worker as separate roles) is in
/// progress on another branch; today the API process is also the only worker. When it lands: start one API process
/// plus N worker processes (<see cref="ApiProcess"/> with the worker role), submit <c>ThroughputRuns</c> runs on the
/// offline model with <c>Models__default__LatencyMs</c> set, report runs/s for N=2 over N=1; then kill -9 the worker
/// that owns a running run (see CrashRecoveryTests for the event to wait on) and report the time until another
/// worker's first event for that run.
/// </remarks>
public static class Workers
{
    public static IReadOnlyList<ResultRow> NotYetMeasurable() =>
    [
        new("7 Workers (issue 10)", "throughput 1 vs 2 worker processes; failover after kill -9", "not yet measurable", "-", "n/a",
            "needs the worker role from issue 10 (in progress); hook: bench/ArchitectAgents.Bench/Service/Workers.cs"),
    ];
}
