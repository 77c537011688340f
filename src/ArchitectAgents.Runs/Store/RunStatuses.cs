namespace ArchitectAgents.Runs.Store;

/// <summary>The states of a run, as stored and as shown in the API.</summary>
public static class RunStatuses
{
    /// <summary>Waiting for a worker.</summary>
    public const string Queued = "queued";
    /// <summary>A worker is executing it.</summary>
    public const string Running = "running";
    /// <summary>Paused for answers to clarifying questions.</summary>
    public const string AwaitingInput = "awaiting_input";
    /// <summary>Finished; the gate passed the design.</summary>
    public const string Completed = "completed";
    /// <summary>Finished with deliverables the gate did not pass.</summary>
    public const string CompletedWithIssues = "completed_with_issues";
    /// <summary>Stopped by an error; no deliverables.</summary>
    public const string Failed = "failed";
    /// <summary>Cancelled by its owner.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Every status.</summary>
    public static IReadOnlyList<string> All { get; } = [Queued, Running, AwaitingInput, Completed, CompletedWithIssues, Failed, Cancelled];

    /// <summary>True for states a run never leaves.</summary>
    public static bool IsTerminal(string status) => status is Completed or CompletedWithIssues or Failed or Cancelled;
}
