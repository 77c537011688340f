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

    /// <summary>The duration used when the brief states none, said to be assumed ("10 minutes").</summary>
    public string DefaultDuration { get; set; } = "";

    /// <summary>Object classes the subject may come from when no use case names it (an entity of the design whose name is in the class).</summary>
    public List<string> SubjectClasses { get; set; } = [];

    /// <summary>The subject when neither a use case nor an entity names one; empty: templates that need a subject are skipped.</summary>
    public string DefaultSubject { get; set; } = "";

    /// <summary>How it works, in this design's nouns.</summary>
    public string Description { get; set; } = "";

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
