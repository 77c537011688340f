namespace ArchitectAgents.Core.Models;

/// <summary>Limits on what one run may spend on models; null means no limit. Holds across pause and resume.</summary>
public sealed record RunBudget
{
    /// <summary>Input plus output tokens over the whole run.</summary>
    public long? MaxTokens { get; init; }

    /// <summary>Cost in USD over the whole run.</summary>
    public decimal? MaxCostUsd { get; init; }

    /// <summary>True when neither limit is set.</summary>
    public bool IsUnlimited => MaxTokens is null && MaxCostUsd is null;
}
