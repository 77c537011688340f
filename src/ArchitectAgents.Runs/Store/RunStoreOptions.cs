namespace ArchitectAgents.Runs.Store;

/// <summary>Settings of the run store and worker (section <c>Runs</c>).</summary>
public sealed class RunStoreOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Runs";

    /// <summary>How many runs execute at once on this node.</summary>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>How often the worker looks for queued runs when nothing woke it, in milliseconds.</summary>
    public int PollIntervalMs { get; set; } = 500;

    /// <summary>Largest brief accepted, in bytes.</summary>
    public int MaxBriefBytes { get; set; } = 256 * 1024;

    /// <summary>Default wait for answers before questions become assumptions, in seconds.</summary>
    public int DefaultQuestionTimeoutSeconds { get; set; } = 3600;

    /// <summary>
    /// How often an open event stream reads the store for events written on other nodes, in milliseconds.
    /// Events written on the same node arrive at once regardless.
    /// </summary>
    public int EventPollIntervalMs { get; set; } = 1000;

    /// <summary>This node's name in leases; defaults to machine name and process id.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
