using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Runs.Scheduling;

/// <summary>
/// On nodes that execute runs (and nothing on API-only nodes): starts the scheduler, turns unanswered questions into assumptions when they
/// time out, and gives a job to any run left queued without one (its enqueuer died between the insert and
/// the schedule, or it was handed back while the node stopped). With the in-memory store it also re-queues,
/// at start, the runs a dead process left running. SIGTERM: the scheduler stops claiming, running jobs hand
/// their runs back from their last checkpoint, and the node waits for them.
/// </summary>
public sealed class RunMaintenance(
    RunScheduler scheduler,
    IDbContextFactory<ArchitectDbContext> factory,
    RunJournal journal,
    RunSignals signals,
    IOptions<SchedulingOptions> scheduling,
    IOptions<RunStoreOptions> options,
    TimeProvider time,
    ILogger<RunMaintenance> logger) : BackgroundService
{
    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (!scheduling.Value.ExecutesRuns)
        {
            return;
        }

        var quartz = await scheduler.GetAsync(cancellationToken).ConfigureAwait(false);
        if (quartz.Status is Quartz.SchedulerStatus.Shutdown or Quartz.SchedulerStatus.ShuttingDown)
        {
            return;
        }

        // Stop claiming, then let running jobs (they watch ApplicationStopping) hand their runs back with a new
        // trigger while the scheduler can still store it, so another node continues them at once.
        try
        {
            await quartz.Standby(cancellationToken).ConfigureAwait(false);
        }
        catch (Quartz.SchedulerException) when (quartz.Status is Quartz.SchedulerStatus.Shutdown or Quartz.SchedulerStatus.ShuttingDown)
        {
            // The scheduler's own hosted service shut it down between the check above and this call (the host stops
            // services concurrently): nothing is left to stand by, and running jobs were already told to stop.
            return;
        }

        try
        {
            while (signals.ExecutingCount > 0)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Shutdown timeout reached with {Count} run(s) still handing back; they resume from their last checkpoint on another node", signals.ExecutingCount);
        }

        await quartz.Shutdown(waitForJobsToComplete: true, CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!scheduling.Value.ExecutesRuns)
        {
            // API nodes only enqueue: their scheduler is created on first use and never started.
            return;
        }

        await using (var db = await factory.CreateDbContextAsync(stoppingToken).ConfigureAwait(false))
        {
            await StoreRegistration.EnsureSchemaAsync(db, stoppingToken).ConfigureAwait(false);
        }

        if (!scheduler.Clustered)
        {
            await RecoverOrphansAsync(stoppingToken).ConfigureAwait(false);
        }

        var quartz = await scheduler.GetAsync(stoppingToken).ConfigureAwait(false);
        await quartz.Start(stoppingToken).ConfigureAwait(false);
        var interval = TimeSpan.FromMilliseconds(Math.Max(100, options.Value.PollIntervalMs));
        var sweepEvery = TimeSpan.FromSeconds(Math.Max(1, scheduling.Value.SweepAfterSeconds) / 3.0);
        var lastSweep = DateTimeOffset.MinValue;
        var firstSweep = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ExpireQuestionsAsync(stoppingToken).ConfigureAwait(false);
                if (time.GetUtcNow() - lastSweep >= sweepEvery)
                {
                    await SweepAsync(firstSweep && !scheduler.Clustered, stoppingToken).ConfigureAwait(false);
                    lastSweep = time.GetUtcNow();
                    firstSweep = false;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A store hiccup (a locked SQLite file, a dropped connection) must not stop maintenance.
                logger.LogError(ex, "Run maintenance failed; retrying");
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>With one node, runs left running belong to a process that died: back to the queue, from their checkpoint.</summary>
    private async Task RecoverOrphansAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var orphaned = await db.Runs.Where(r => r.Status == RunStatuses.Running).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatuses.Queued)
            .SetProperty(r => r.LeaseOwner, (string?)null), ct).ConfigureAwait(false);
        if (orphaned > 0)
        {
            logger.LogWarning("Re-queued {Count} run(s) left running by a previous process; they resume from their last checkpoint", orphaned);
        }
    }

    /// <summary>Queued runs without a job get one; at the first sweep of a single node, every queued run.</summary>
    private async Task SweepAsync(bool all, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var before = time.GetUtcNow().AddSeconds(-scheduling.Value.SweepAfterSeconds);
        var query = db.Runs.AsNoTracking().Where(r => r.Status == RunStatuses.Queued);
        if (!all)
        {
            query = query.Where(r => r.UpdatedAt < before);
        }

        var queued = await query.OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(500).ToListAsync(ct).ConfigureAwait(false);
        foreach (var runId in queued)
        {
            if (all || !await scheduler.HasJobAsync(runId, ct).ConfigureAwait(false))
            {
                await scheduler.EnqueueAsync(runId, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Questions nobody answered in time become assumptions: the run resumes with no answers.</summary>
    private async Task ExpireQuestionsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var due = await db.Runs.AsNoTracking().Where(r => r.Status == RunStatuses.AwaitingInput && r.AnswersDueAt != null && r.AnswersDueAt <= now)
            .Select(r => r.Id).ToListAsync(ct).ConfigureAwait(false);
        foreach (var runId in due)
        {
            // Conditional, so two workers expiring the same run do it once.
            var expired = await db.Runs.Where(r => r.Id == runId && r.Status == RunStatuses.AwaitingInput).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatuses.Queued)
                .SetProperty(r => r.AnswersJson, "{}")
                .SetProperty(r => r.UpdatedAt, now), ct).ConfigureAwait(false);
            if (expired == 1)
            {
                await journal.AppendAsync(runId, RunEventTypes.AnswersReceived, new { answered = 0, timedOut = true }, ct).ConfigureAwait(false);
                await scheduler.EnqueueAsync(runId, ct).ConfigureAwait(false);
            }
        }
    }
}
