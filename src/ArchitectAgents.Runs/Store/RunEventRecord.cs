namespace ArchitectAgents.Runs.Store;

/// <summary>One event of a run, in the order it happened; the id orders events for SSE replay.</summary>
public sealed class RunEventRecord
{
    /// <summary>Store-wide increasing id (the SSE event id).</summary>
    public long Id { get; set; }
    /// <summary>Run it belongs to.</summary>
    public string RunId { get; set; } = "";
    /// <summary>Event type, for example node_completed.</summary>
    public string Type { get; set; } = "";
    /// <summary>Event payload as JSON.</summary>
    public string DataJson { get; set; } = "{}";
    /// <summary>When it happened.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
