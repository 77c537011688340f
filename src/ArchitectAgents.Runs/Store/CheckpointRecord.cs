namespace ArchitectAgents.Runs.Store;

/// <summary>A MAF checkpoint (one per superstep).</summary>
public sealed class CheckpointRecord
{
    /// <summary>Insertion order; the index is returned oldest first.</summary>
    public long Seq { get; set; }
    /// <summary>MAF session id (the run id).</summary>
    public string SessionId { get; set; } = "";
    /// <summary>Checkpoint id.</summary>
    public string CheckpointId { get; set; } = "";
    /// <summary>Parent checkpoint id.</summary>
    public string? ParentId { get; set; }
    /// <summary>The checkpoint as JSON.</summary>
    public string Json { get; set; } = "";
    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
