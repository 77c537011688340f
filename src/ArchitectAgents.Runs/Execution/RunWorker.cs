using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Runs.Execution;

/// <summary>
/// Claims queued runs (at most <see cref="RunStoreOptions.MaxConcurrentRuns"/> at a time) and executes them.
/// At start it re-queues runs a dead process left running, so they resume from their last checkpoint;
/// at shutdown it stops claiming and hands in-flight runs back to the queue.
/// </summary>
public sealed class RunWorker(
    IDbContextFactory<ArchitectDbContext> factory,
    RunExecutor executor,
    RunSignals signals,
    RunJournal journal,
    IOptions<RunStoreOptions> options,
    TimeProvider time,
    ILogger<RunWorker> logger) : BackgroundService
{
    private readonly List<Task> _inFlight = [];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await RecoverAsync(stoppingToken).ConfigureAwait(false);
        using var slots = new SemaphoreSlim(settings.MaxConcurrentRuns, settings.MaxConcurrentRuns);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ClaimAndStartAsync(settings, slots, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A store hiccup (a locked SQLite file, a dropped connection) must not kill the worker: try again next tick.
                logger.LogError(ex, "The run worker could not claim work; retrying");
            }

            await signals.WaitForWorkAsync(TimeSpan.FromMilliseconds(settings.PollIntervalMs), stoppingToken).ConfigureAwait(false);
        }

        Task[] running;
        lock (_inFlight)
        {
            running = [.. _inFlight];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task ClaimAndStartAsync(RunStoreOptions settings, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await ExpireQuestionsAsync(stoppingToken).ConfigureAwait(false);
        while (slots.CurrentCount > 0 && !stoppingToken.IsCancellationRequested)
            {
                var runId = await ClaimNextAsync(settings.NodeId, stoppingToken).ConfigureAwait(false);
                if (runId is null)
                {
                    break;
                }

                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                var cts = signals.Executing(runId, CancellationToken.None);
                var task = Task.Run(async () =>
                {
                    try
                    {
                        await executor.ExecuteAsync(runId, cts.Token, stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Run {RunId} crashed the executor", runId);
                    }
                    finally
                    {
                        signals.Done(runId);
                        cts.Dispose();
                        slots.Release();
                        signals.WorkAvailable();
                    }
                }, CancellationToken.None);
                lock (_inFlight)
                {
                    _inFlight.RemoveAll(t => t.IsCompleted);
                    _inFlight.Add(task);
                }
            }
    }

    /// <summary>Runs left running by a process that died go back to the queue; they resume from their checkpoint.</summary>
    private async Task RecoverAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await StoreRegistration.EnsureSchemaAsync(db, ct).ConfigureAwait(false);
        var orphaned = await db.Runs.Where(r => r.Status == RunStatuses.Running).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatuses.Queued)
            .SetProperty(r => r.LeaseOwner, (string?)null), ct).ConfigureAwait(false);
        if (orphaned > 0)
        {
            logger.LogWarning("Re-queued {Count} run(s) left running by a previous process; they resume from their last checkpoint", orphaned);
        }
    }

    private async Task<string?> ClaimNextAsync(string nodeId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var candidate = await db.Runs.AsNoTracking().Where(r => r.Status == RunStatuses.Queued)
                .OrderBy(r => r.CreatedAt).Select(r => r.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (candidate is null)
            {
                return null;
            }

            var now = time.GetUtcNow();
            // The status condition makes the claim atomic: only one claimant sees one affected row.
            var claimed = await db.Runs.Where(r => r.Id == candidate && r.Status == RunStatuses.Queued).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatuses.Running)
                .SetProperty(r => r.LeaseOwner, nodeId)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)
                .SetProperty(r => r.UpdatedAt, now), ct).ConfigureAwait(false);
            if (claimed == 1)
            {
                signals.Changed(candidate);
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Questions nobody answered in time become assumptions: the run resumes with no answers.</summary>
    private async Task ExpireQuestionsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var due = await db.Runs.Where(r => r.Status == RunStatuses.AwaitingInput && r.AnswersDueAt != null && r.AnswersDueAt <= now).ToListAsync(ct).ConfigureAwait(false);
        foreach (var run in due)
        {
            run.Status = RunStatuses.Queued;
            run.AnswersJson = "{}";
            run.UpdatedAt = now;
            journal.Add(db, run.Id, RunEventTypes.AnswersReceived, new { answered = 0, timedOut = true });
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            signals.WorkAvailable();
        }
    }
}
