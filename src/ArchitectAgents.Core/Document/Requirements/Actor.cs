namespace ArchitectAgents.Core.Document;

/// <summary>A person or system that uses or feeds the system.</summary>
public sealed class Actor
{
    /// <summary>Name as the brief calls it, singular ("guest", "front-desk staff", "SiteMinder").</summary>
    public string Name { get; set; } = "";

    /// <summary>"person" or "system".</summary>
    public string Kind { get; set; } = "person";

    /// <summary>The words of the brief it came from.</summary>
    public string Text { get; set; } = "";
}
