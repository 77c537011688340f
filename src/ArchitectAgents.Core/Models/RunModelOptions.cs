namespace ArchitectAgents.Core.Models;

/// <summary>
/// Per-run model settings, applied each time the run's workflow is built (start and every resume), so a
/// budget raised on resume takes effect while the tokens already spent, kept in checkpoints, still count.
/// </summary>
public sealed record RunModelOptions
{
    /// <summary>Model names by agent id replacing those in the agent definitions; key <c>*</c> applies to every agent.</summary>
    public IReadOnlyDictionary<string, string>? Models { get; init; }

    /// <summary>What the run may spend on models.</summary>
    public RunBudget? Budget { get; init; }
}
