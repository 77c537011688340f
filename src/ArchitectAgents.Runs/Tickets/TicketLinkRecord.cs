using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArchitectAgents.Runs.Tickets;

/// <summary>A run started from a ticket: where its questions and result are posted, and where replies come from.</summary>
public sealed class TicketLinkRecord
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }
    /// <summary>github, jira or generic.</summary>
    public string Source { get; set; } = "";
    /// <summary>The ticket, for example <c>Codertocat/Hello-World#1</c> or <c>JRA-20002</c>.</summary>
    public string TicketKey { get; set; } = "";
    /// <summary>The run.</summary>
    public string RunId { get; set; } = "";
    /// <summary>
    /// <c>source:ticket</c> while the run is live, null once it ended. Unique, so one ticket never has two live runs,
    /// even when two deliveries race.
    /// </summary>
    public string? ActiveKey { get; set; }
    /// <summary>REST endpoint that takes comments on the ticket; null when the source has none (generic).</summary>
    public string? CommentsUrl { get; set; }
    /// <summary>The ticket for people, when known.</summary>
    public string? TicketUrl { get; set; }
    /// <summary>When the run was started.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<TicketLinkRecord>
    {
        public void Configure(EntityTypeBuilder<TicketLinkRecord> e)
        {
            e.ToTable("ticket_links");
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).ValueGeneratedOnAdd();
            e.Property(l => l.Source).HasMaxLength(16);
            e.Property(l => l.TicketKey).HasMaxLength(256);
            e.Property(l => l.RunId).HasMaxLength(64);
            e.Property(l => l.ActiveKey).HasMaxLength(300);
            e.HasIndex(l => l.ActiveKey).IsUnique();
            e.HasIndex(l => new { l.Source, l.TicketKey });
            e.HasIndex(l => l.RunId);
        }
    }
}
