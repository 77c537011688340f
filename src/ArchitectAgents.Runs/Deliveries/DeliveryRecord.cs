using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>
/// One outbound message (a signed callback or a ticket comment) and its attempts. The row is the queue: the
/// dispatcher sends rows whose <see cref="DueAt"/> has passed, so pending deliveries survive restarts.
/// </summary>
public sealed class DeliveryRecord
{
    /// <summary>Message id (<c>msg_…</c>), sent as <c>webhook-id</c> on every attempt so receivers can deduplicate.</summary>
    public string Id { get; set; } = "";
    /// <summary>Run the message is about.</summary>
    public string RunId { get; set; } = "";
    /// <summary>Owner of that run: only they see the delivery.</summary>
    public string OwnerId { get; set; } = "";
    /// <summary>Channel that sends it (see <see cref="IDeliveryChannel.Name"/>): callback, github, jira.</summary>
    public string Channel { get; set; } = "";
    /// <summary>Event type, for example <c>run.completed</c>.</summary>
    public string EventType { get; set; } = "";
    /// <summary>Where it goes.</summary>
    public string TargetUrl { get; set; } = "";
    /// <summary>The exact body sent on every attempt.</summary>
    public string PayloadJson { get; set; } = "";
    /// <summary>pending, delivered or dead (see <see cref="DeliveryStatuses"/>).</summary>
    public string Status { get; set; } = DeliveryStatuses.Pending;
    /// <summary>Attempts made since it was created or last replayed.</summary>
    public int Attempts { get; set; }
    /// <summary>When the next attempt is due; null once delivered or dead.</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the last attempt was made.</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }
    /// <summary>When a receiver accepted it.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }
    /// <summary>HTTP status of the last attempt, when there was a response.</summary>
    public int? LastStatusCode { get; set; }
    /// <summary>Why the last attempt failed.</summary>
    public string? LastError { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<DeliveryRecord>
    {
        public void Configure(EntityTypeBuilder<DeliveryRecord> e)
        {
            e.ToTable("deliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasMaxLength(64);
            e.Property(d => d.RunId).HasMaxLength(64);
            e.Property(d => d.OwnerId).HasMaxLength(64);
            e.Property(d => d.Channel).HasMaxLength(32);
            e.Property(d => d.EventType).HasMaxLength(64);
            e.Property(d => d.Status).HasMaxLength(16);
            e.HasIndex(d => new { d.Status, d.DueAt });
            e.HasIndex(d => new { d.OwnerId, d.CreatedAt });
        }
    }
}
