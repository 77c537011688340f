namespace ArchitectAgents.Core.Knowledge;

/// <summary>
/// What a capability adds to the design's own domain, as data: tables, operations and a one-paragraph description,
/// written against a subject (the thing the mechanism works on: the seat a fan holds, the record a monitor signs).
/// Templates use <c>&lt;subject&gt;</c> (snake_case singular), <c>&lt;subjects&gt;</c> (the subject's URL segment),
/// <c>&lt;subject-words&gt;</c> (in words) and <c>&lt;duration&gt;</c> (the stated duration the mechanism runs on).
/// </summary>
public sealed class CapabilityMechanism
{
    /// <summary>Words that name the mechanism's duration in a stated time figure ("hold", "expir", "slot"); empty when it has none.</summary>
    public List<string> DurationWords { get; set; } = [];

    /// <summary>Quality-target attributes whose stated bound is the mechanism's duration ("freshness": a cache's TTL is the staleness the brief allows).</summary>
    public List<string> DurationTargets { get; set; } = [];

    /// <summary>
    /// Words that, in the statement of a stated data size ("files up to 250 MB"), say it bounds what the mechanism takes;
    /// the bound fills <c>&lt;max-size&gt;</c> (in words) and <c>&lt;max-size-check&gt;</c> (" AND size_bytes &lt;= n"). Empty: no size bound.
    /// </summary>
    public List<string> SizeWords { get; set; } = [];

    /// <summary>The duration used when the brief states none, said to be assumed ("10 minutes").</summary>
    public string DefaultDuration { get; set; } = "";

    /// <summary>Object classes the subject may come from when no use case names it (an entity of the design whose name is in the class).</summary>
    public List<string> SubjectClasses { get; set; } = [];

    /// <summary>The subject when neither a use case nor an entity names one; empty: templates that need a subject are skipped.</summary>
    public string DefaultSubject { get; set; } = "";

    /// <summary>How it works, in this design's nouns.</summary>
    public string Description { get; set; } = "";

    /// <summary>
    /// Entity kinds whose record, when the design has one for the subject, carries the mechanism's state instead of a
    /// table of its own: a booking of a room starts as its hold, so a hold and a booking can never both claim the room.
    /// </summary>
    public List<string> FoldsInto { get; set; } = [];

    /// <summary>The description when folded, with <c>&lt;holder-words&gt;</c> for that record and <c>&lt;confirmation&gt;</c> for how it is confirmed.</summary>
    public string FoldedDescription { get; set; } = "";

    /// <summary>How a folded record is confirmed, by the capability that does it (key "" when no other capability does).</summary>
    public Dictionary<string, string> Confirmations { get; set; } = [];

    /// <summary>Words that, beside a stated time figure, say it is the length of the slots time is booked in ("15-minute slots", "créneaux de 15 minutes").</summary>
    public List<string> SlotWords { get; set; } = [];

    /// <summary>Added to the folded description when the brief states a slot length (<c>&lt;slot&gt;</c>).</summary>
    public string SlotDescription { get; set; } = "";

    /// <summary>Tables added when folded and the brief states a slot length: one claim row per thing and slot, unique together.</summary>
    public List<EntityInfo> SlotTables { get; set; } = [];

    /// <summary>For a subject held by count (a course section with a seat cap), the counter a hold moves; null when none.</summary>
    public HoldCounter? Counter { get; set; }

    /// <summary>
    /// Entities the mechanism makes wrong to keep (hosted checkout: no table of cards, since card data never reaches
    /// the servers); they are dropped from the design.
    /// </summary>
    public List<string> Replaces { get; set; } = [];

    /// <summary>Tables it adds (skipped when the design already has a table of that name).</summary>
    public List<EntityInfo> Tables { get; set; } = [];

    /// <summary>Operations it adds.</summary>
    public List<RemedyOperation> Operations { get; set; } = [];
}

/// <summary>The counter on a subject that is held by count, not by period: one conditional update per hold keeps it under its cap.</summary>
public sealed class HoldCounter
{
    /// <summary>Entity kinds of subjects held by count (offerings with a capacity).</summary>
    public List<string> Kinds { get; set; } = [];

    /// <summary>The counter column added to the subject (server-owned).</summary>
    public string Column { get; set; } = "";

    /// <summary>Words a capacity column's name ends in ("capacity", "seat_cap").</summary>
    public List<string> CapacityWords { get; set; } = [];

    /// <summary>Added to the description, with <c>&lt;capacity&gt;</c> for the subject's capacity column.</summary>
    public string Description { get; set; } = "";
}
