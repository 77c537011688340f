using Microsoft.Extensions.AI;

namespace ArchitectAgents.Core.Models;

/// <summary>
/// Accounting for one agent invocation, visible to the chat client pipeline through an async-local slot:
/// the pipeline checks the budget before every model call (tool loops and repair turns included) and
/// records each call's usage, so tokens spent before a failure are still counted.
/// </summary>
public sealed class ModelCallScope
{
    private static readonly AsyncLocal<ModelCallScope?> CurrentSlot = new();
    private readonly Lock _gate = new();

    /// <summary>Creates a scope.</summary>
    /// <param name="pricing">Price of the model in use.</param>
    /// <param name="remainingTokens">Tokens left in the run's budget, or null.</param>
    /// <param name="remainingCostUsd">Money left in the run's budget, or null.</param>
    public ModelCallScope(ModelPricing pricing, long? remainingTokens, decimal? remainingCostUsd)
    {
        Pricing = pricing;
        // A run can end up past its budget (the last call's input is never capped, parallel agents share it): what is
        // left is then nothing, never a negative amount that messages would show.
        RemainingTokens = remainingTokens is { } tokens ? Math.Max(0, tokens) : null;
        RemainingCostUsd = remainingCostUsd is { } money ? Math.Max(0, money) : null;
    }

    /// <summary>The scope of the agent invocation running on this async flow, if any.</summary>
    public static ModelCallScope? Current => CurrentSlot.Value;

    /// <summary>Price of the model in use.</summary>
    public ModelPricing Pricing { get; }

    /// <summary>Tokens left before this invocation, or null for no limit.</summary>
    public long? RemainingTokens { get; }

    /// <summary>Money left before this invocation, or null for no limit.</summary>
    public decimal? RemainingCostUsd { get; }

    /// <summary>Model calls recorded.</summary>
    public int Calls { get; private set; }

    /// <summary>Input tokens recorded.</summary>
    public long InputTokens { get; private set; }

    /// <summary>Output tokens recorded.</summary>
    public long OutputTokens { get; private set; }

    /// <summary>Cost of what was recorded.</summary>
    public decimal CostUsd => Pricing.CostOf(InputTokens, OutputTokens);

    /// <summary>Makes this the current scope until the returned handle is disposed.</summary>
    public IDisposable Enter()
    {
        var previous = CurrentSlot.Value;
        CurrentSlot.Value = this;
        return new Restore(previous);
    }

    /// <summary>
    /// The most output tokens the next model call may produce: what is left of the token budget, and of the cost
    /// budget at the model's output price; null when neither limits it. Set as the call's max output tokens, so a
    /// run overshoots its budget by at most one call's input.
    /// </summary>
    public long? OutputTokensLeft
    {
        get
        {
            lock (_gate)
            {
                long? left = RemainingTokens is { } tokens ? Math.Max(0, tokens - (InputTokens + OutputTokens)) : null;
                if (RemainingCostUsd is { } money && Pricing.OutputPerMillion > 0)
                {
                    var affordable = (long)Math.Min(long.MaxValue, Math.Floor(Math.Max(0, money - CostUsd) * 1_000_000m / Pricing.OutputPerMillion));
                    left = left is { } l ? Math.Min(l, affordable) : affordable;
                }

                return left;
            }
        }
    }

    /// <summary>Throws <see cref="BudgetExceededException"/> when nothing is left for another call.</summary>
    public void EnsureBudget()
    {
        lock (_gate)
        {
            var spentTokens = InputTokens + OutputTokens;
            if (RemainingTokens is { } tokens && spentTokens >= tokens)
            {
                throw new BudgetExceededException(tokens == 0
                    ? "token budget exhausted: the run had used its whole token budget before this agent's next model call"
                    : $"token budget exhausted: this agent used {spentTokens} of the {tokens} tokens left for this run before its next model call");
            }

            if (RemainingCostUsd is { } money && CostUsd >= money)
            {
                throw new BudgetExceededException(money == 0
                    ? "cost budget exhausted: the run had spent its whole cost budget before this agent's next model call"
                    : $"cost budget exhausted: this agent spent ${CostUsd:0.######} of the ${money:0.######} left for this run before its next model call");
            }
        }
    }

    /// <summary>Records one model call's usage.</summary>
    public void Record(UsageDetails? usage)
    {
        lock (_gate)
        {
            Calls++;
            InputTokens += usage?.InputTokenCount ?? 0;
            OutputTokens += usage?.OutputTokenCount ?? 0;
        }
    }

    private sealed class Restore(ModelCallScope? previous) : IDisposable
    {
        public void Dispose() => CurrentSlot.Value = previous;
    }
}
