using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>What a caller may do with the deliveries of their runs: list them and replay parked ones.</summary>
public sealed class DeliveryService(IDbContextFactory<ArchitectDbContext> factory, TimeProvider time)
{
    /// <summary>The owner's deliveries, newest first.</summary>
    public async Task<List<DeliveryRecord>> ListAsync(string ownerId, string? status, string? runId, int limit, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Deliveries.AsNoTracking().Where(d => d.OwnerId == ownerId);
        if (status is not null)
        {
            query = query.Where(d => d.Status == status);
        }

        if (runId is not null)
        {
            query = query.Where(d => d.RunId == runId);
        }

        return await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(limit).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>One of the owner's deliveries.</summary>
    public async Task<DeliveryRecord?> GetAsync(string ownerId, string id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.OwnerId == ownerId, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues a dead (or delivered) delivery again with a fresh retry schedule, under the same message id so
    /// receivers that already have it can drop it. False when it is still pending.
    /// </summary>
    public async Task<bool> ReplayAsync(string ownerId, string id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var updated = await db.Deliveries.Where(d => d.Id == id && d.OwnerId == ownerId && d.Status != DeliveryStatuses.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatuses.Pending)
            .SetProperty(d => d.Attempts, 0)
            .SetProperty(d => d.DueAt, now), ct).ConfigureAwait(false);
        return updated == 1;
    }
}
