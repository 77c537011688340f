namespace ArchitectAgents.Core.Document;

/// <summary>A thing the system keeps, with what the brief says about it.</summary>
public sealed class DomainEntity
{
    /// <summary>Singular name in the brief's own words ("leave request", "seat hold").</summary>
    public string Name { get; set; } = "";

    /// <summary>Facts the brief states about it: relations, rules, limits.</summary>
    public List<string> Facts { get; set; } = [];

    /// <summary>Lifecycle states named in the brief ("held", "released", "approved").</summary>
    public List<string> States { get; set; } = [];

    /// <summary>What the brief says it has ("a section has a seat cap, prerequisites and time-clash rules" → "seat cap", …); empty when it says nothing.</summary>
    public List<string> Attributes { get; set; } = [];

    /// <summary>The entities it belongs to or refers to, as the brief relates them; empty when it relates none.</summary>
    public List<EntityRelation> Relations { get; set; } = [];

    /// <summary>Stated retention ("at least 15 years"), when given.</summary>
    public string? Retention { get; set; }

    /// <summary>The words of the brief it was first named in.</summary>
    public string Text { get; set; } = "";
}
