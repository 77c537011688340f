namespace ArchitectAgents.Bench;

/// <summary>Sizes and switches of one benchmark run; <see cref="Tiny"/> is what the test suite uses so the harness cannot rot.</summary>
public sealed record BenchOptions
{
    /// <summary>Repository root (holds ArchitectAgents.sln, agents/, workflows/, examples/).</summary>
    public required string Root { get; init; }

    /// <summary>Build configuration whose binaries the service and cold-start items start (Release from bench/run.sh).</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>Use BenchmarkDotNet for the engine overhead (false: a plain warm loop, for the tiny run).</summary>
    public bool UseBenchmarkDotNet { get; init; } = true;

    /// <summary>Runs per side in the plain engine-overhead loop (without BenchmarkDotNet) and in the LangGraph.js peer.</summary>
    public int EngineRuns { get; init; } = 300;

    /// <summary>Run the LangGraph.js peer (needs node and <c>npm ci</c> in bench/peers/langgraph).</summary>
    public bool LangGraph { get; init; } = true;

    /// <summary>Simulated model latency for the parallelism item.</summary>
    public TimeSpan AgentLatency { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs per variant in the parallelism item.</summary>
    public int ParallelismRuns { get; init; } = 3;

    /// <summary>Briefs (file names under examples/briefs) for the token item; empty means all.</summary>
    public IReadOnlyList<string> TokenBriefs { get; init; } = [];

    /// <summary>Full offline runs submitted per store in the throughput item.</summary>
    public int ThroughputRuns { get; init; } = 24;

    /// <summary>Concurrent clients of the throughput item.</summary>
    public int ThroughputClients { get; init; } = 8;

    /// <summary>PostgreSQL connection string for the throughput item; null skips PostgreSQL.</summary>
    public string? Postgres { get; init; }

    /// <summary>
    /// Runs in flight in the many-runs item. The target is 1,000 (<c>--many-runs 1000</c>); the default is the
    /// largest size that finished inside the 10-minute budget on the 2-core machine the figures were taken on.
    /// </summary>
    public int ManyRuns { get; init; } = 100;

    /// <summary>Stub model latency in the many-runs item.</summary>
    public TimeSpan ManyRunsLatency { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Give up on the many-runs item after this long (the runs still in flight are reported as not completed).</summary>
    public TimeSpan ManyRunsTimeout { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Process starts per command in the cold-start item.</summary>
    public int ColdStartRuns { get; init; } = 3;

    /// <summary>Items to run (1..6); empty means all.</summary>
    public IReadOnlySet<int> Only { get; init; } = new HashSet<int>();

    /// <summary>Whether an item is selected.</summary>
    public bool Runs(int item) => Only.Count == 0 || Only.Contains(item);

    /// <summary>Sizes that exercise every code path in seconds.</summary>
    public static BenchOptions Tiny(string root) => new()
    {
        Root = root,
        UseBenchmarkDotNet = false,
        EngineRuns = 20,
        LangGraph = false,
        AgentLatency = TimeSpan.FromMilliseconds(20),
        ParallelismRuns = 1,
        TokenBriefs = ["telehealth.md"],
        ThroughputRuns = 3,
        ThroughputClients = 2,
        ManyRuns = 3,
        ManyRunsLatency = TimeSpan.FromMilliseconds(50),
        ManyRunsTimeout = TimeSpan.FromMinutes(2),
        ColdStartRuns = 1,
    };
}
