using ArchitectAgents.Runs.Store;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>Adds deliveries to a store context whose save the caller controls.</summary>
public static class DeliveryOutbox
{
    /// <summary>Queues a message for its first attempt at once; returns the stored row.</summary>
    public static DeliveryRecord Enqueue(ArchitectDbContext db, string channel, RunRecord run, string eventType, string targetUrl, string payloadJson, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        var delivery = new DeliveryRecord
        {
            Id = "msg_" + Guid.CreateVersion7().ToString("N"),
            RunId = run.Id,
            OwnerId = run.OwnerId,
            Channel = channel,
            EventType = eventType,
            TargetUrl = targetUrl,
            PayloadJson = payloadJson,
            Status = DeliveryStatuses.Pending,
            DueAt = now,
            CreatedAt = now,
        };
        db.Deliveries.Add(delivery);
        return delivery;
    }
}
