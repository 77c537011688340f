using System.Text.Json.Serialization;

namespace ArchitectAgents.Core.Document;

/// <summary>Security and compliance review of the design.</summary>
public sealed class ReviewSection : SectionBase
{
    /// <summary>Findings, open and resolved.</summary>
    public List<Finding> Findings { get; set; } = [];

    /// <summary>Standards and regimes the review covered.</summary>
    public List<string> Scope { get; set; } = [];
}

/// <summary>Severity of a finding.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>Informational.</summary>
    [JsonStringEnumMemberName("info")] Info,
    /// <summary>Low.</summary>
    [JsonStringEnumMemberName("low")] Low,
    /// <summary>Medium.</summary>
    [JsonStringEnumMemberName("medium")] Medium,
    /// <summary>High.</summary>
    [JsonStringEnumMemberName("high")] High,
    /// <summary>Critical.</summary>
    [JsonStringEnumMemberName("critical")] Critical,
}

/// <summary>Status of a finding.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingStatus>))]
public enum FindingStatus
{
    /// <summary>Not addressed by the design.</summary>
    [JsonStringEnumMemberName("open")] Open,
    /// <summary>Addressed by a later revision.</summary>
    [JsonStringEnumMemberName("resolved")] Resolved,
    /// <summary>Accepted as a risk.</summary>
    [JsonStringEnumMemberName("accepted")] Accepted,
}

/// <summary>A review finding.</summary>
public sealed class Finding
{
    /// <summary>Stable id (the control id it came from).</summary>
    public string Id { get; set; } = "";

    /// <summary>Short title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Severity.</summary>
    public Severity Severity { get; set; }

    /// <summary>Standard reference: OWASP ASVS chapter, API Top 10 item, regime clause.</summary>
    public string Standard { get; set; } = "";

    /// <summary>Regime or baseline.</summary>
    public string Regime { get; set; } = "";

    /// <summary>STRIDE category.</summary>
    public string Stride { get; set; } = "";

    /// <summary>Section of the design it concerns, for example design.api.</summary>
    public string AffectedSection { get; set; } = "";

    /// <summary>What to do.</summary>
    public string Recommendation { get; set; } = "";

    /// <summary>Open, resolved or accepted.</summary>
    public FindingStatus Status { get; set; }

    /// <summary>Review round in which it was first raised.</summary>
    public int RaisedInRound { get; set; }

    /// <summary>Review round in which it was resolved, if it was.</summary>
    public int? ResolvedInRound { get; set; }
}
