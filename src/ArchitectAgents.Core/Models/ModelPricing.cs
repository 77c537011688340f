namespace ArchitectAgents.Core.Models;

/// <summary>Price of a model in USD per million input and output tokens.</summary>
/// <param name="InputPerMillion">USD per 1M input tokens.</param>
/// <param name="OutputPerMillion">USD per 1M output tokens.</param>
public sealed record ModelPricing(decimal InputPerMillion, decimal OutputPerMillion)
{
    /// <summary>Free (offline agents, local models).</summary>
    public static ModelPricing Free { get; } = new(0, 0);

    /// <summary>Cost of a number of tokens.</summary>
    public decimal CostOf(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000m;
}
