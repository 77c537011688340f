using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArchitectAgents.Runs.Threads;

/// <summary>
/// A conversation thread of the LangGraph-compatible API: a durable, owner-scoped record that its runs link to
/// (<see cref="ThreadRunRecord"/>). Its state is never stored twice: it is read from the runs it links to.
/// </summary>
public sealed class ThreadRecord
{
    /// <summary>Table name; also created on stores that predate it.</summary>
    public const string Table = "langgraph_threads";

    /// <summary>Thread id, a UUID as the LangGraph client expects.</summary>
    public string Id { get; set; } = "";

    /// <summary>Id of the API key (or principal) that owns the thread.</summary>
    public string OwnerId { get; set; } = "";

    /// <summary>The caller's metadata (a JSON object).</summary>
    public string MetadataJson { get; set; } = "{}";

    /// <summary>When it was created, Unix milliseconds (a plain number, so the table's SQL is the same on both stores).</summary>
    public long CreatedAt { get; set; }

    /// <summary>When a run was last added, Unix milliseconds.</summary>
    public long UpdatedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<ThreadRecord>
    {
        public void Configure(EntityTypeBuilder<ThreadRecord> builder)
        {
            builder.ToTable(Table);
            builder.HasKey(t => t.Id);
            builder.Property(t => t.Id).HasMaxLength(64);
            builder.Property(t => t.OwnerId).HasMaxLength(64);
            builder.HasIndex(t => new { t.OwnerId, t.UpdatedAt });
        }
    }
}
