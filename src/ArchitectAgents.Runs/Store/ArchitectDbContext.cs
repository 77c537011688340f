using ArchitectAgents.Runs.Deliveries;
using ArchitectAgents.Runs.Threads;
using ArchitectAgents.Runs.Tickets;
using Microsoft.EntityFrameworkCore;

namespace ArchitectAgents.Runs.Store;

/// <summary>The run store: runs, their events, MAF checkpoints and API keys. SQLite or PostgreSQL.</summary>
public sealed class ArchitectDbContext(DbContextOptions<ArchitectDbContext> options) : DbContext(options)
{
    /// <summary>Table of <see cref="VerificationCacheRecord"/>.</summary>
    public const string VerificationCacheTable = "verification_cache";

    /// <summary>Runs.</summary>
    public DbSet<RunRecord> Runs => Set<RunRecord>();

    /// <summary>Run events.</summary>
    public DbSet<RunEventRecord> Events => Set<RunEventRecord>();

    /// <summary>Checkpoints.</summary>
    public DbSet<CheckpointRecord> Checkpoints => Set<CheckpointRecord>();

    /// <summary>Node results journaled as each node completed.</summary>
    public DbSet<NodeResultRecord> NodeResults => Set<NodeResultRecord>();

    /// <summary>API keys.</summary>
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    /// <summary>Cached verification lookups.</summary>
    public DbSet<VerificationCacheRecord> VerificationCache => Set<VerificationCacheRecord>();

    /// <summary>Outbound deliveries (callbacks, ticket comments): the queue and its dead letters.</summary>
    public DbSet<DeliveryRecord> Deliveries => Set<DeliveryRecord>();

    /// <summary>Inbound webhook deliveries, for deduplication and the record.</summary>
    public DbSet<WebhookDeliveryRecord> WebhookDeliveries => Set<WebhookDeliveryRecord>();

    /// <summary>Runs started from tickets.</summary>
    public DbSet<TicketLinkRecord> TicketLinks => Set<TicketLinkRecord>();

    /// <summary>Threads of the LangGraph-compatible API.</summary>
    public DbSet<ThreadRecord> Threads => Set<ThreadRecord>();

    /// <summary>LangGraph runs, each mapped onto a run.</summary>
    public DbSet<ThreadRunRecord> ThreadRuns => Set<ThreadRunRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<RunRecord>(e =>
        {
            e.ToTable("runs");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(64);
            e.Property(r => r.OwnerId).HasMaxLength(64);
            e.Property(r => r.Status).HasMaxLength(32);
            e.HasIndex(r => new { r.OwnerId, r.CreatedAt });
            e.HasIndex(r => new { r.Status, r.CreatedAt });
            e.HasIndex(r => new { r.OwnerId, r.IdempotencyKey }).IsUnique();
        });
        modelBuilder.Entity<RunEventRecord>(e =>
        {
            e.ToTable("run_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.HasIndex(x => new { x.RunId, x.Id });
        });
        modelBuilder.Entity<CheckpointRecord>(e =>
        {
            e.ToTable("checkpoints");
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).ValueGeneratedOnAdd();
            e.HasIndex(x => new { x.SessionId, x.CheckpointId }).IsUnique();
        });
        modelBuilder.Entity<ApiKeyRecord>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Hash).IsUnique();
        });
        modelBuilder.Entity<VerificationCacheRecord>(e =>
        {
            e.ToTable(VerificationCacheTable);
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(512);
        });

        modelBuilder.ApplyConfiguration(new DeliveryRecord.Configuration());
        modelBuilder.ApplyConfiguration(new WebhookDeliveryRecord.Configuration());
        modelBuilder.ApplyConfiguration(new TicketLinkRecord.Configuration());
        modelBuilder.ApplyConfiguration(new NodeResultRecord.Configuration());
        modelBuilder.ApplyConfiguration(new ThreadRecord.Configuration());
        modelBuilder.ApplyConfiguration(new ThreadRunRecord.Configuration());
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        }
    }
}
