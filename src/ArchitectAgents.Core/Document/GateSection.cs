using System.Text.Json.Serialization;

namespace ArchitectAgents.Core.Document;

/// <summary>The checklist gate's report.</summary>
public sealed class GateSection : SectionBase
{
    /// <summary>One row per checklist item, anti-pattern, validation and review check.</summary>
    public List<GateItem> Items { get; set; } = [];

    /// <summary>0–100: passed items count 1, warnings 0.5.</summary>
    public int Score { get; set; }

    /// <summary>pass, revise or fail.</summary>
    public GateVerdict Verdict { get; set; }

    /// <summary>Gate round, starting at 1.</summary>
    public int Iteration { get; set; }

    /// <summary>Ids of failed items sent back to the designer.</summary>
    public List<string> SentBack { get; set; } = [];

    /// <summary>The verdict in one or two sentences.</summary>
    public string Summary { get; set; } = "";

    /// <summary>Every element of the requirements model and what in the design serves it, computed from the document.</summary>
    public List<TraceRow> Traceability { get; set; } = [];
}

/// <summary>The gate's decision.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GateVerdict>))]
public enum GateVerdict
{
    /// <summary>Ready to deliver.</summary>
    [JsonStringEnumMemberName("pass")] Pass,
    /// <summary>Send failed items back to the designer.</summary>
    [JsonStringEnumMemberName("revise")] Revise,
    /// <summary>Deliver with the gate's report; the run completes with issues.</summary>
    [JsonStringEnumMemberName("fail")] Fail,
}

/// <summary>Status of a gate item.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GateItemStatus>))]
public enum GateItemStatus
{
    /// <summary>Satisfied.</summary>
    [JsonStringEnumMemberName("pass")] Pass,
    /// <summary>Could not be fully checked; visible, not blocking.</summary>
    [JsonStringEnumMemberName("warn")] Warn,
    /// <summary>Not satisfied.</summary>
    [JsonStringEnumMemberName("fail")] Fail,
}

/// <summary>One checked item.</summary>
public sealed class GateItem
{
    /// <summary>Stable id, for example checklist.tradeoffs or anti-pattern.spof.</summary>
    public string Id { get; set; } = "";

    /// <summary>checklist, anti-pattern, validation or review.</summary>
    public string Kind { get; set; } = "";

    /// <summary>What is checked.</summary>
    public string Title { get; set; } = "";

    /// <summary>pass, warn or fail.</summary>
    public GateItemStatus Status { get; set; }

    /// <summary>What was found, concretely.</summary>
    public string Evidence { get; set; } = "";
}
