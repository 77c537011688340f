namespace ArchitectAgents.Core.Document;

/// <summary>A quality target: latency, availability, RPO, RTO, freshness or throughput.</summary>
public sealed class QualityTarget
{
    /// <summary>latency, availability, rpo, rto, freshness or throughput.</summary>
    public string Attribute { get; set; } = "";

    /// <summary>The bound as a number in <see cref="Unit"/>, when the brief gives one.</summary>
    public double? Value { get; set; }

    /// <summary>ms, s, minutes, hours, %, or a clock time for deadlines ("05:30").</summary>
    public string Unit { get; set; } = "";

    /// <summary>Percentile for latency ("p95"), when stated.</summary>
    public string? Percentile { get; set; }

    /// <summary>What it applies to, in the brief's words ("search", "the booking flow").</summary>
    public string? Scope { get; set; }

    /// <summary>The exact words of the brief.</summary>
    public string Text { get; set; } = "";
}
