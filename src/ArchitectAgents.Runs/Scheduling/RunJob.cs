using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace ArchitectAgents.Runs.Scheduling;

/// <summary>
/// One execution of one run (the job key is the run id). Claims the run in the store, executes it from its
/// newest checkpoint, and watches the store for a cancel requested on any node. When the node shuts down the
/// run goes back to the queue with a new trigger, so another node (or this one, restarted) continues it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RunJob(
    IDbContextFactory<ArchitectDbContext> factory,
    RunExecutor executor,
    RunSignals signals,
    IRunDispatcher dispatcher,
    IHostApplicationLifetime lifetime,
    IOptions<RunStoreOptions> options,
    TimeProvider time,
    ILogger<RunJob> logger) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var runId = context.JobDetail.Key.Name;
        var node = options.Value.NodeId;
        var stopping = lifetime.ApplicationStopping;
        if (stopping.IsCancellationRequested || !await ClaimAsync(runId, node, context.Recovering, stopping).ConfigureAwait(false))
        {
            return;
        }

        if (context.Recovering)
        {
            logger.LogWarning("Run {RunId} recovered on {Node} from a node that stopped checking in; it resumes from its last checkpoint", runId, node);
        }

        using var cancel = signals.Executing(runId, context.CancellationToken);
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token, stopping);
        var watcher = WatchForCancelAsync(runId, cancel, watch.Token);
        try
        {
            await executor.ExecuteAsync(runId, cancel.Token, stopping).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId} crashed the executor", runId);
        }
        finally
        {
            await watch.CancelAsync().ConfigureAwait(false);
            await watcher.ConfigureAwait(false);
            try
            {
                await HandBackIfQueuedAsync(runId).ConfigureAwait(false);
            }
            finally
            {
                signals.Done(runId);
            }
        }
    }

    private async Task<bool> ClaimAsync(string runId, string node, bool recovering, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        // Atomic: only one claimant sees one affected row. A running run is taken over only when Quartz says
        // its node died (recovering) or when it is this node's own lease.
        var claimed = await db.Runs.Where(r => r.Id == runId && (r.Status == RunStatuses.Queued || (r.Status == RunStatuses.Running && (recovering || r.LeaseOwner == node))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatuses.Running)
                .SetProperty(r => r.LeaseOwner, node)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)
                .SetProperty(r => r.UpdatedAt, now), ct).ConfigureAwait(false);
        if (claimed == 1)
        {
            signals.Changed(runId);
        }

        return claimed == 1;
    }

    /// <summary>A cancel requested through another node only reaches this one through the store.</summary>
    private async Task WatchForCancelAsync(string runId, CancellationTokenSource cancel, CancellationToken ct)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(100, options.Value.PollIntervalMs));
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(interval, ct).ConfigureAwait(false);
                await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
                if (await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => r.CancelRequested).FirstOrDefaultAsync(ct).ConfigureAwait(false))
                {
                    await cancel.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Watching run {RunId} for cancellation failed; a cancel from another node will not reach it", runId);
        }
    }

    private async Task HandBackIfQueuedAsync(string runId)
    {
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        var status = await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => r.Status).FirstOrDefaultAsync().ConfigureAwait(false);
        if (status != RunStatuses.Queued)
        {
            return;
        }

        try
        {
            await dispatcher.EnqueueAsync(runId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SchedulerException or ObjectDisposedException or InvalidOperationException)
        {
            // Shutting down with an in-memory store: the queued row is picked up when the node starts again.
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Run {RunId} handed back to the queue; it continues when a worker is available ({Reason})", runId, ex.Message);
            }
        }
    }
}
