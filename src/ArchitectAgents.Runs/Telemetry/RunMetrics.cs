using System.Diagnostics;
using System.Diagnostics.Metrics;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Telemetry;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ArchitectAgents.Runs.Telemetry;

/// <summary>
/// The service's own metrics (meter <see cref="ArchitectTelemetry.MeterName"/>): runs started and finished by
/// workflow, run and agent durations, tokens and cost by agent and model, queue depth and gate rounds.
/// </summary>
public sealed class RunMetrics
{
    private readonly Counter<long> _started;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _cancelled;
    private readonly Histogram<double> _runDuration;
    private readonly Histogram<double> _nodeDuration;
    private readonly Counter<long> _tokens;
    private readonly Counter<double> _cost;
    private readonly Histogram<long> _gateRounds;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>.</summary>
    public RunMetrics(IMeterFactory meters, IDbContextFactory<ArchitectDbContext> store, ILogger<RunMetrics> logger)
    {
        var meter = meters.Create(ArchitectTelemetry.MeterName);
        _started = meter.CreateCounter<long>("architect.runs.started", "{run}", "Runs that began executing (first attempt), by workflow.");
        _completed = meter.CreateCounter<long>("architect.runs.completed", "{run}", "Runs that produced their deliverables, by workflow and status (completed, completed_with_issues).");
        _failed = meter.CreateCounter<long>("architect.runs.failed", "{run}", "Runs that failed, by workflow.");
        _cancelled = meter.CreateCounter<long>("architect.runs.cancelled", "{run}", "Runs cancelled by their owner, by workflow.");
        _runDuration = meter.CreateHistogram("architect.run.duration", "s", "Wall time from a run's first start to its final state (includes waiting for answers).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600, 14400, 86400] });
        _nodeDuration = meter.CreateHistogram("architect.agent.duration", "s", "Wall time of one node execution (an agent call, a validation), by workflow, node and agent (agent nodes only).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600] });
        _tokens = meter.CreateCounter<long>("architect.agent.tokens", "{token}", "Tokens used by agent calls, counted once when the node that spent them finishes or fails (never again on a resume), by agent, model and type (input, output).");
        _cost = meter.CreateCounter<double>("architect.agent.cost", "USD", "Model cost of agent calls, counted once when the node that spent it finishes or fails (never again on a resume), by agent and model.");
        _gateRounds = meter.CreateHistogram("architect.gate.rounds", "{round}", "Checklist-gate rounds a finished run needed, by workflow and verdict.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 3, 4, 5, 10] });
        meter.CreateObservableGauge("architect.runs.queued", () => QueueDepth(store, logger), "{run}", "Runs waiting in the queue for a worker.");
    }

    /// <summary>A run began executing for the first time.</summary>
    public void RunStarted(string workflow) => _started.Add(1, new KeyValuePair<string, object?>("workflow", workflow));

    /// <summary>One node finished.</summary>
    public void NodeCompleted(string workflow, string node, string? agent, long durationMs)
    {
        var tags = new TagList { { "workflow", workflow }, { "node", node } };
        if (agent is not null)
        {
            tags.Add("agent", agent);
        }

        _nodeDuration.Record(durationMs / 1000.0, tags);
    }

    /// <summary>
    /// One node execution's own usage (not the node's running total). Counted as it is spent rather than when the
    /// run finishes: a run that is resumed finishes once per execution, and each used to add its whole usage again.
    /// </summary>
    public void UsageRecorded(UsageEntry delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var agent = new KeyValuePair<string, object?>("agent", delta.Agent);
        var model = new KeyValuePair<string, object?>("model", delta.Model);
        _tokens.Add(delta.InputTokens, agent, model, new KeyValuePair<string, object?>("type", "input"));
        _tokens.Add(delta.OutputTokens, agent, model, new KeyValuePair<string, object?>("type", "output"));
        _cost.Add((double)delta.CostUsd, agent, model);
    }

    /// <summary>A run reached a final state; records its duration and gate rounds once.</summary>
    public void RunFinished(RunRecord run, string status, DesignDocument document, DateTimeOffset now)
    {
        var workflow = new KeyValuePair<string, object?>("workflow", run.Workflow);
        switch (status)
        {
            case RunStatuses.Completed or RunStatuses.CompletedWithIssues:
                _completed.Add(1, workflow, new KeyValuePair<string, object?>("status", status));
                break;
            case RunStatuses.Failed:
                _failed.Add(1, workflow);
                break;
            case RunStatuses.Cancelled:
                _cancelled.Add(1, workflow);
                break;
        }

        _runDuration.Record((now - (run.StartedAt ?? run.CreatedAt)).TotalSeconds, workflow, new KeyValuePair<string, object?>("status", status));
        if (document.Gate is { } gate)
        {
            _gateRounds.Record(gate.Iteration, workflow, new KeyValuePair<string, object?>("verdict", gate.Verdict.ToString().ToLowerInvariant()));
        }
    }

    private static IEnumerable<Measurement<long>> QueueDepth(IDbContextFactory<ArchitectDbContext> store, ILogger logger)
    {
        // Observed on each collection (a scrape or an export interval), so a single count query is cheap enough.
        try
        {
            using var db = store.CreateDbContext();
            return [new Measurement<long>(db.Runs.LongCount(r => r.Status == RunStatuses.Queued))];
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Could not count queued runs for the queue-depth gauge");
            return [];
        }
    }
}
