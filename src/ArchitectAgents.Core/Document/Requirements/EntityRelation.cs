namespace ArchitectAgents.Core.Document;

/// <summary>
/// A thing another thing belongs to, as the brief says it ("messages in a channel", "a hotel has rooms", "holds on
/// seats"): the entity that owns it is its parent, so its table references the parent's.
/// </summary>
public sealed class EntityRelation
{
    /// <summary>The parent entity's name, as in the model's entities ("channel").</summary>
    public string Target { get; set; } = "";

    /// <summary>"belongs to": each record has one parent; "refers to": a record may name one (the brief says it has one, singular).</summary>
    public string Kind { get; set; } = "belongs to";

    /// <summary>The words of the brief it was read from.</summary>
    public string Text { get; set; } = "";
}
