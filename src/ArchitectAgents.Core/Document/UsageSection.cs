namespace ArchitectAgents.Core.Document;

/// <summary>Tokens and cost per agent and model.</summary>
public sealed class UsageSection : SectionBase
{
    /// <summary>One entry per agent and model.</summary>
    public List<UsageEntry> Entries { get; set; } = [];

    /// <summary>Total input tokens.</summary>
    public long InputTokens { get; set; }

    /// <summary>Total output tokens.</summary>
    public long OutputTokens { get; set; }

    /// <summary>Total cost in USD.</summary>
    public decimal CostUsd { get; set; }
}

/// <summary>Usage of one agent on one model.</summary>
public sealed class UsageEntry
{
    /// <summary>Workflow node the agent ran as.</summary>
    public string? Node { get; set; }

    /// <summary>Agent id.</summary>
    public string Agent { get; set; } = "";

    /// <summary>Model name from configuration.</summary>
    public string Model { get; set; } = "";

    /// <summary>Number of agent invocations.</summary>
    public int Calls { get; set; }

    /// <summary>Input tokens.</summary>
    public long InputTokens { get; set; }

    /// <summary>Output tokens.</summary>
    public long OutputTokens { get; set; }

    /// <summary>Cost in USD.</summary>
    public decimal CostUsd { get; set; }

    /// <summary>Wall time spent in the agent, in milliseconds.</summary>
    public long DurationMs { get; set; }
}
