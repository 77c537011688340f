namespace ArchitectAgents.Core.Knowledge;

/// <summary>The shipped monthly price table (prices.json): list prices per technology, with their date and source.</summary>
public sealed class PriceTable
{
    private static readonly Lazy<PriceTable> Shared = new(() => KnowledgeFile.Read<PriceTable>("prices"));

    /// <summary>The embedded table, loaded once.</summary>
    public static PriceTable Default => Shared.Value;

    /// <summary>Date the prices were checked.</summary>
    public string CheckedAt { get; set; } = "";

    /// <summary>Currency of every price (USD).</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Where the prices come from and what they include.</summary>
    public string Source { get; set; } = "";

    /// <summary>US dollars per unit of other currencies, to compare a stated budget.</summary>
    public Dictionary<string, double> UsdPerUnit { get; set; } = [];

    /// <summary>Hours a month one self-run server takes to patch, back up and watch.</summary>
    public double OpsHoursPerSelfRunMonth { get; set; }

    /// <summary>Cost of one such hour, so self-running shows its real price next to a managed service.</summary>
    public double OpsHourUsd { get; set; }

    /// <summary>Price lines.</summary>
    public List<PriceLine> Prices { get; set; } = [];

    /// <summary>The price line of a technology, or null when it is not priced.</summary>
    public PriceLine? For(string technologyId) => Prices.FirstOrDefault(p => p.Technology == technologyId);
}

/// <summary>One technology's monthly price at the smallest production size, and how it grows with a figure.</summary>
public sealed class PriceLine
{
    /// <summary>Technology id in technologies.json.</summary>
    public string Technology { get; set; } = "";

    /// <summary>What the base price buys.</summary>
    public string Item { get; set; } = "";

    /// <summary>Base price per month.</summary>
    public double UsdPerMonth { get; set; }

    /// <summary>The figure it grows with: peak-rps, requests-per-day, data-gb, users or devices; empty when flat.</summary>
    public string ScaleWith { get; set; } = "";

    /// <summary>How much of that figure the base price covers; each further unit costs <see cref="PerUnitUsd"/>.</summary>
    public double UnitSize { get; set; }

    /// <summary>Price of each further unit.</summary>
    public double PerUnitUsd { get; set; }

    /// <summary>True when the team runs it on its own servers (operations time is added).</summary>
    public bool SelfRun { get; set; }

    /// <summary>True when the price holds only because the organisation already runs or licenses it ("already paid for"): never a cheaper alternative for a brief that does not name it.</summary>
    public bool ExistingOnly { get; set; }

    /// <summary>The price is for one instance; the launch runs two (the scaling roadmap's "two or more instances").</summary>
    public bool PerInstance { get; set; }

    /// <summary>The price is for one database node without a standby; an availability target of 99.9 % or more adds one.</summary>
    public bool SingleNode { get; set; }
}
