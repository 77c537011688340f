using ArchitectAgents.Runs.Store;

namespace ArchitectAgents.Runs.Lifecycle;

/// <summary>Names of the run events delivered to callbacks and tickets.</summary>
public static class RunLifecycleEvents
{
    /// <summary>The run asks clarifying questions and waits for answers.</summary>
    public const string AwaitingInput = "run.awaiting_input";
    /// <summary>The run finished with deliverables (the gate verdict says whether it passed).</summary>
    public const string Completed = "run.completed";
    /// <summary>The run stopped with an error.</summary>
    public const string Failed = "run.failed";

    /// <summary>The event a status change announces, if any (queued and cancelled announce nothing).</summary>
    public static string? ForStatus(string status) => status switch
    {
        RunStatuses.AwaitingInput => AwaitingInput,
        RunStatuses.Completed or RunStatuses.CompletedWithIssues => Completed,
        RunStatuses.Failed => Failed,
        _ => null,
    };
}
