namespace ArchitectAgents.Core.Document;

/// <summary>The monthly running cost of the design, per component, against the stated budget.</summary>
public sealed class CostEstimate
{
    /// <summary>Currency of every amount (USD; the budget is converted with the price table's rates).</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Date and source of the prices used.</summary>
    public string PriceSource { get; set; } = "";

    /// <summary>One line per priced component or technology.</summary>
    public List<CostLine> Lines { get; set; } = [];

    /// <summary>Sum of the lines per month.</summary>
    public double TotalPerMonth { get; set; }

    /// <summary>What the total prices when it is not the recommendation itself ("the self-hosted fallback"); empty when it is.</summary>
    public string TotalOf { get; set; } = "";

    /// <summary>The stated running budget per month in the same currency, or null when the brief states none.</summary>
    public double? BudgetPerMonth { get; set; }

    /// <summary>The budget as the brief stated it, for example "GBP 40/month".</summary>
    public string? BudgetStated { get; set; }

    /// <summary>True when the total exceeds the stated budget.</summary>
    public bool OverBudget { get; set; }

    /// <summary>What the estimate assumes (sizes, free tiers, what is not included).</summary>
    public List<string> Assumptions { get; set; } = [];
}

/// <summary>One line of the cost estimate.</summary>
public sealed class CostLine
{
    /// <summary>Component id in the architecture, or the technology id for platform services.</summary>
    public string Component { get; set; } = "";

    /// <summary>Technology id priced.</summary>
    public string TechnologyId { get; set; } = "";

    /// <summary>What is bought, and at what size.</summary>
    public string Item { get; set; } = "";

    /// <summary>Monthly cost.</summary>
    public double PerMonth { get; set; }
}
