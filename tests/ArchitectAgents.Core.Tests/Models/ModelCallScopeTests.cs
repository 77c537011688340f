using ArchitectAgents.Core.Models;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Core.Tests.Models;

public sealed class ModelCallScopeTests
{
    [Fact]
    public void RunAlreadyPastItsBudget_IsRefusedWithoutNegativeFigures()
    {
        // 24,483 tokens over: what parallel agents and an uncapped last input can leave behind.
        var scope = new ModelCallScope(new ModelPricing(2, 8), -24_483, -0.5m);

        var ex = Assert.Throws<BudgetExceededException>(scope.EnsureBudget);

        Assert.Equal(0, scope.RemainingTokens);
        Assert.Equal(0, scope.RemainingCostUsd);
        Assert.Contains("token budget exhausted", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("-", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputTokensLeft_IsTheTokensLeft_OrWhatTheMoneyLeftBuysAtTheOutputPrice_WhicheverIsLess()
    {
        var tokens = new ModelCallScope(ModelPricing.Free, 10_000, null);
        tokens.Record(new UsageDetails { InputTokenCount = 3_000, OutputTokenCount = 1_000 });
        // $0.01 at $10 per million output tokens buys 1,000 tokens, fewer than the 10,000 tokens left.
        var money = new ModelCallScope(new ModelPricing(0, 10), 10_000, 0.01m);
        var unlimited = new ModelCallScope(new ModelPricing(2, 8), null, null);

        Assert.Equal(6_000, tokens.OutputTokensLeft);
        Assert.Equal(1_000, money.OutputTokensLeft);
        Assert.Null(unlimited.OutputTokensLeft);
    }
}
