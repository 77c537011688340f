using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArchitectAgents.Runs.Threads;

/// <summary>
/// A LangGraph run on a thread, mapped onto one of the service's runs. A LangGraph run ends at an interrupt and
/// resuming starts a new one, while the service's run simply continues; so one service run can back several
/// LangGraph runs, each owning the run's events after <see cref="StartEventId"/> up to the next interrupt or the end.
/// </summary>
public sealed class ThreadRunRecord
{
    /// <summary>Table name; also created on stores that predate it.</summary>
    public const string Table = "langgraph_runs";

    /// <summary>The LangGraph run id (a UUID).</summary>
    public string Id { get; set; } = "";

    /// <summary>The thread it runs on.</summary>
    public string ThreadId { get; set; } = "";

    /// <summary>Owner, the same as the thread's and the run's.</summary>
    public string OwnerId { get; set; } = "";

    /// <summary>The service run that does the work.</summary>
    public string RunId { get; set; } = "";

    /// <summary>The assistant it was created with.</summary>
    public string AssistantId { get; set; } = "";

    /// <summary>The run's events with a larger id belong to this LangGraph run (0 for the first).</summary>
    public long StartEventId { get; set; }

    /// <summary>Stream modes asked for at creation, comma-separated; a reconnect streams the same ones.</summary>
    public string StreamModes { get; set; } = "values";

    /// <summary>The caller's metadata (a JSON object).</summary>
    public string MetadataJson { get; set; } = "{}";

    /// <summary>When it was created, Unix milliseconds.</summary>
    public long CreatedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ThreadRunRecord>
    {
        public void Configure(EntityTypeBuilder<ThreadRunRecord> builder)
        {
            builder.ToTable(Table);
            builder.HasKey(r => r.Id);
            builder.Property(r => r.Id).HasMaxLength(64);
            builder.Property(r => r.ThreadId).HasMaxLength(64);
            builder.Property(r => r.OwnerId).HasMaxLength(64);
            builder.Property(r => r.RunId).HasMaxLength(64);
            builder.Property(r => r.AssistantId).HasMaxLength(64);
            builder.Property(r => r.StreamModes).HasMaxLength(200);
            builder.HasIndex(r => new { r.ThreadId, r.CreatedAt });
            builder.HasIndex(r => r.RunId);
        }
    }
}
