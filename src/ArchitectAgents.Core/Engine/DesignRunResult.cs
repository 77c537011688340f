using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Engine;

/// <summary>The outcome of a run.</summary>
public sealed record DesignRunResult
{
    /// <summary>How it ended.</summary>
    public required DesignRunStatus Status { get; init; }

    /// <summary>The finished document, when the run produced one.</summary>
    public DesignDocument? Document { get; init; }

    /// <summary>Why it failed, when it did.</summary>
    public string? Error { get; init; }

    /// <summary>Machine-readable failure reason (see <see cref="WorkflowErrors.Classify"/>).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Model usage of a failed run (a finished one carries it in its document).</summary>
    public UsageSection? Usage { get; init; }
}
