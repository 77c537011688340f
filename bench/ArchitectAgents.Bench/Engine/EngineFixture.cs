using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Workflows;

namespace ArchitectAgents.Bench.Engine;

/// <summary>Our design workflow (real catalog and YAML) on no-op agents, no validators, in-memory checkpoints; and the raw MAF twin.</summary>
public sealed class EngineFixture
{
    private readonly DesignRunner _runner;
    private readonly WorkflowDefinition _definition;
    private readonly string _brief;
    private int _sequence;

    /// <summary>Loads the catalog and workflow from <paramref name="root"/>.</summary>
    public EngineFixture(string root)
    {
        var catalog = AgentCatalog.LoadDirectory(Path.Combine(root, "agents"));
        _definition = WorkflowLoader.LoadFile(Path.Combine(root, "workflows", "architect-design.yaml"), catalog);
        _runner = new DesignRunner(new WorkflowFactory(catalog, new NoOpAgentProvider(), []));
        _brief = File.ReadAllText(Path.Combine(root, "examples", "briefs", "telehealth.md"));
    }

    /// <summary>Whether our run went through clarify (the raw twin follows the same path).</summary>
    public bool Clarify { get; private set; }

    /// <summary>How many times our gate sent the design back.</summary>
    public int Revisions { get; private set; }

    /// <summary>Node starts per run of ours.</summary>
    public int NodesPerRun { get; private set; }

    /// <summary>Runs ours once with an observer to learn the path (and fill the no-op replies); throws when the run fails.</summary>
    public async Task PrepareAsync()
    {
        var observer = new PathObserver();
        var result = await _runner.RunAsync(_definition, new DesignRunInput { RunId = "bench-prepare", BriefText = _brief }, observer);
        if (result.Status is not (DesignRunStatus.Completed or DesignRunStatus.CompletedWithIssues))
        {
            throw new InvalidOperationException("the no-op design run failed: " + result.Error);
        }

        Clarify = observer.Asked > 0;
        Revisions = observer.Started.Count(n => n == "designer") - 1;
        NodesPerRun = observer.Started.Count;
    }

    /// <summary>One run of ours: build the workflow, run it to the document.</summary>
    public async Task<DesignRunStatus> RunOursAsync()
    {
        var result = await _runner.RunAsync(_definition, new DesignRunInput { RunId = "bench-" + Interlocked.Increment(ref _sequence), BriefText = _brief });
        return result.Status;
    }

    /// <summary>One run of the raw MAF twin: build it, run it to its output.</summary>
    public Task<string?> RunRawAsync() =>
        RawMafWorkflow.RunAsync(RawMafWorkflow.Build(Clarify, Revisions), "raw-" + Interlocked.Increment(ref _sequence));
}
