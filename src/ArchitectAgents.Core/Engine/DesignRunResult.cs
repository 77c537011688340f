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
}
