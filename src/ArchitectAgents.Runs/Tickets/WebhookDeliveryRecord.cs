using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArchitectAgents.Runs.Tickets;

/// <summary>An inbound webhook delivery that passed its signature check, and what was done with it.</summary>
public sealed class WebhookDeliveryRecord
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }
    /// <summary>github, jira or generic.</summary>
    public string Source { get; set; } = "";
    /// <summary>The sender's delivery id (X-GitHub-Delivery, X-Atlassian-Webhook-Identifier, webhook-id); unique per source.</summary>
    public string DeliveryId { get; set; } = "";
    /// <summary>Event name and action, for example <c>issues.labeled</c>.</summary>
    public string Event { get; set; } = "";
    /// <summary>run_started, answered or ignored.</summary>
    public string Outcome { get; set; } = "";
    /// <summary>Why, for ignored deliveries.</summary>
    public string? Detail { get; set; }
    /// <summary>The ticket, when the event had one.</summary>
    public string? TicketKey { get; set; }
    /// <summary>The run started or answered.</summary>
    public string? RunId { get; set; }
    /// <summary>When it arrived.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<WebhookDeliveryRecord>
    {
        public void Configure(EntityTypeBuilder<WebhookDeliveryRecord> e)
        {
            e.ToTable("webhook_deliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedOnAdd();
            e.Property(d => d.Source).HasMaxLength(16);
            e.Property(d => d.DeliveryId).HasMaxLength(128);
            e.Property(d => d.Outcome).HasMaxLength(32);
            // The dedupe: a redelivery inserts the same (source, id) and fails, whatever else it would have done.
            e.HasIndex(d => new { d.Source, d.DeliveryId }).IsUnique();
        }
    }
}
