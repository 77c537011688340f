namespace ArchitectAgents.Runs.Scheduling;

/// <summary>Settings of the node and its Quartz scheduler (sections <c>Node</c> and <c>Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    /// <summary>What this node does.</summary>
    public NodeRole Role { get; set; } = NodeRole.All;

    /// <summary>Clustered store: how often a node checks in, in milliseconds.</summary>
    public int CheckinIntervalMs { get; set; } = 5000;

    /// <summary>Clustered store: how long a silent node is given before its runs are recovered elsewhere, in milliseconds.</summary>
    public int CheckinMisfireThresholdMs { get; set; } = 15000;

    /// <summary>How long an idle scheduler waits before looking for triggers another node scheduled, in milliseconds.</summary>
    public int IdleWaitTimeMs { get; set; } = 1000;

    /// <summary>A run queued this long without a job (its enqueuer died in between) gets one, in seconds.</summary>
    public int SweepAfterSeconds { get; set; } = 15;

    /// <summary>True when this node executes runs.</summary>
    public bool ExecutesRuns => Role is NodeRole.All or NodeRole.Worker;

    /// <summary>True when this node serves the runs API.</summary>
    public bool ServesApi => Role is NodeRole.All or NodeRole.Api;
}
