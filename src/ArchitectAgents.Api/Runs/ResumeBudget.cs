using System.Globalization;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Runs.Store;

namespace ArchitectAgents.Api.Runs;

/// <summary>
/// A resume budget is the run's whole allowance, and what the run already spent still counts against it: a
/// budget at or below that could only fail again at the first model call, so it is refused with the figures.
/// </summary>
internal static class ResumeBudget
{
    /// <summary>The budget field that leaves nothing to spend, and why; null when the budget leaves room.</summary>
    public static (string Field, string Error)? BelowSpent(RunBudget budget, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(run);
        var tokens = run.InputTokens + run.OutputTokens;
        if (budget.MaxTokens is { } maxTokens && maxTokens <= tokens)
        {
            return ("budget.maxTokens", string.Create(CultureInfo.InvariantCulture,
                $"is {maxTokens}, but the run has already used {tokens} tokens; give more than {tokens} (the budget covers the whole run)"));
        }

        if (budget.MaxCostUsd is { } maxCost && maxCost <= run.CostUsd)
        {
            return ("budget.maxCostUsd", string.Create(CultureInfo.InvariantCulture,
                $"is ${maxCost:0.######}, but the run has already spent ${run.CostUsd:0.######}; give more than that (the budget covers the whole run)"));
        }

        return null;
    }
}
