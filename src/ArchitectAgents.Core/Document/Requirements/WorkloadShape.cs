namespace ArchitectAgents.Core.Document;

/// <summary>A workload shape: steady, spiky, batch, real-time, offline-first, geo-distributed, read-heavy, write-heavy or event-driven.</summary>
public sealed class WorkloadShape
{
    /// <summary>The shape.</summary>
    public string Shape { get; set; } = "";

    /// <summary>The words of the brief that show it.</summary>
    public string Evidence { get; set; } = "";
}
