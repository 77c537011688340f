using ArchitectAgents.Runs.Deliveries;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ArchitectAgents.Runs.Scheduling;

/// <summary>
/// One attempt at an outbound delivery (the job key is the delivery id). The delivery row carries the event id,
/// the payload and the retry state, so any node can make the attempt; a failed one schedules the next attempt at
/// the row's new due time. Recovery is requested, so an attempt in flight on a dead node is made again (receivers
/// dedupe on the stable event id).
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeliveryJob(DeliveryProcessor processor, RunScheduler scheduler, IDbContextFactory<ArchitectDbContext> factory) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var id = context.JobDetail.Key.Name;
        await processor.AttemptAsync(id, cancellationToken).ConfigureAwait(false);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var next = await db.Deliveries.AsNoTracking().Where(d => d.Id == id && d.Status == DeliveryStatuses.Pending).Select(d => d.DueAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (next is { } at)
        {
            await scheduler.ScheduleDeliveryAsync(id, at, cancellationToken).ConfigureAwait(false);
        }
    }
}
