using System.Text.Json.Serialization;

namespace ArchitectAgents.Core.Document;

/// <summary>
/// One row of the traceability matrix: an element of the requirements model and the design elements that serve it,
/// computed by code from the document (never written by a model).
/// </summary>
public sealed class TraceRow
{
    /// <summary>The model element's id ("uc-3", "fig-2"), or kind and position for elements without one ("constraint-1").</summary>
    public string RequirementId { get; set; } = "";

    /// <summary>use-case, figure, quality-target, constraint, compliance or decision.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The requirement, short ("manager approve leave request", "70000 searches/day").</summary>
    public string Requirement { get; set; } = "";

    /// <summary>The words of the brief it came from.</summary>
    public string Words { get; set; } = "";

    /// <summary>Whether, and how, the design serves it.</summary>
    public TraceStatus Status { get; set; }

    /// <summary>Design elements that serve it ("operation POST /v1/leave-requests", "table leave_requests", "component worker").</summary>
    public List<string> ServedBy { get; set; } = [];

    /// <summary>
    /// False when leaving it unserved cannot fail the gate alone: a background figure, or a decision stated without
    /// any technology (the reader may have taken a plain sentence for one); it is still shown.
    /// </summary>
    public bool Blocking { get; set; } = true;

    /// <summary>What was measured, or why nothing serves it.</summary>
    public string Note { get; set; } = "";
}

/// <summary>How a requirement is served.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TraceStatus>))]
public enum TraceStatus
{
    /// <summary>Design elements serve it.</summary>
    [JsonStringEnumMemberName("served")] Served,
    /// <summary>The design departs from it and records why (design.departures).</summary>
    [JsonStringEnumMemberName("departed")] Departed,
    /// <summary>Not met, but named as a risk with a mitigation.</summary>
    [JsonStringEnumMemberName("flagged")] Flagged,
    /// <summary>Nothing in the design serves it and nothing says why.</summary>
    [JsonStringEnumMemberName("unserved")] Unserved,
}
