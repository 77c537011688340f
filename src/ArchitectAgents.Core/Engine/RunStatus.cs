namespace ArchitectAgents.Core.Engine;

/// <summary>How a design run ended.</summary>
public enum DesignRunStatus
{
    /// <summary>The gate passed the design.</summary>
    Completed,
    /// <summary>Deliverables were produced but the gate did not pass them.</summary>
    CompletedWithIssues,
    /// <summary>The run failed; no deliverables.</summary>
    Failed,
    /// <summary>The run was cancelled.</summary>
    Cancelled,
}
