using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>
/// Attempts due deliveries: claims a row (so one node sends it), sends it through its channel, then records the
/// outcome and schedules the next attempt with backoff or parks it as dead. Quartz runs the attempts
/// (<see cref="Scheduling.DeliveryJob"/>); the claim makes a repeated or concurrent attempt harmless.
/// </summary>
public sealed class DeliveryProcessor(
    IDbContextFactory<ArchitectDbContext> factory,
    IEnumerable<IDeliveryChannel> channels,
    IOptionsMonitor<CallbackOptions> options,
    TimeProvider time,
    ILogger<DeliveryProcessor> logger)
{
    private readonly Dictionary<string, IDeliveryChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Ids of deliveries whose attempt is due, oldest first.</summary>
    public async Task<List<string>> DueAsync(int max, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return await db.Deliveries.AsNoTracking().Where(d => d.Status == DeliveryStatuses.Pending && d.DueAt != null && d.DueAt <= now)
            .OrderBy(d => d.DueAt).Select(d => d.Id).Take(max).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Makes one attempt at a delivery if it is still due and no one else claimed it; false otherwise.</summary>
    public async Task<bool> AttemptAsync(string deliveryId, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var leaseUntil = now.AddSeconds(settings.LeaseSeconds);
        // The claim moves the due time past the lease: a node that dies mid-attempt leaves the row due again later.
        var claimed = await db.Deliveries.Where(d => d.Id == deliveryId && d.Status == DeliveryStatuses.Pending && d.DueAt != null && d.DueAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, leaseUntil), ct).ConfigureAwait(false);
        if (claimed == 0)
        {
            return false;
        }

        var delivery = await db.Deliveries.SingleAsync(d => d.Id == deliveryId, ct).ConfigureAwait(false);
        DeliveryAttempt attempt;
        if (!_channels.TryGetValue(delivery.Channel, out var channel))
        {
            attempt = DeliveryAttempt.Refused($"no channel '{delivery.Channel}' is registered");
        }
        else
        {
            try
            {
                attempt = await channel.SendAsync(delivery, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Delivery {DeliveryId} threw in channel {Channel}", delivery.Id, delivery.Channel);
                attempt = DeliveryAttempt.Retry(ex.Message);
            }
        }

        Record(delivery, attempt, settings.Waits(), time.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        if (delivery.Status == DeliveryStatuses.Dead)
        {
            logger.LogWarning("Delivery {DeliveryId} ({Event} to {Channel}) parked as dead after {Attempts} attempt(s): {Error}",
                delivery.Id, delivery.EventType, delivery.Channel, delivery.Attempts, delivery.LastError);
        }

        return true;
    }

    /// <summary>Applies one attempt's outcome: delivered, retried after the next wait, or dead.</summary>
    internal static void Record(DeliveryRecord delivery, DeliveryAttempt attempt, IReadOnlyList<TimeSpan> waits, DateTimeOffset now)
    {
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.LastStatusCode = attempt.StatusCode;
        delivery.LastError = attempt.Error;
        if (attempt.Delivered)
        {
            delivery.Status = DeliveryStatuses.Delivered;
            delivery.DeliveredAt = now;
            delivery.DueAt = null;
        }
        else if (attempt.Permanent || delivery.Attempts > waits.Count)
        {
            delivery.Status = DeliveryStatuses.Dead;
            delivery.DueAt = null;
        }
        else
        {
            delivery.DueAt = now + waits[delivery.Attempts - 1];
        }
    }
}
