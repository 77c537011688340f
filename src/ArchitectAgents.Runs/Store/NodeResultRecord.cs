using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ArchitectAgents.Runs.Store;

/// <summary>One completed node invocation of a run, journaled when the node completed (see <see cref="EfNodeJournal"/>).</summary>
public sealed class NodeResultRecord
{
    /// <summary>Table name; also created on stores that predate it.</summary>
    public const string Table = "node_results";

    /// <summary>Run id.</summary>
    public string RunId { get; set; } = "";

    /// <summary>Node id.</summary>
    public string Node { get; set; } = "";

    /// <summary>Invocation of the node, from 1.</summary>
    public int Invocation { get; set; }

    /// <summary>The <see cref="Core.Engine.NodeJournalEntry"/> as JSON.</summary>
    public string Json { get; set; } = "";

    /// <summary>When it was recorded, Unix milliseconds (a plain number, so the table's SQL is the same on both stores).</summary>
    public long RecordedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<NodeResultRecord>
    {
        public void Configure(EntityTypeBuilder<NodeResultRecord> builder)
        {
            builder.ToTable(Table);
            builder.HasKey(x => new { x.RunId, x.Node, x.Invocation });
            builder.Property(x => x.RunId).HasMaxLength(64);
            builder.Property(x => x.Node).HasMaxLength(128);
        }
    }
}
