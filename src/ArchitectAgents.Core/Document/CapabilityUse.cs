namespace ArchitectAgents.Core.Document;

/// <summary>A capability from the catalogue that this design uses, and the requirement that called for it.</summary>
public sealed class CapabilityUse
{
    /// <summary>Capability id in capabilities.json.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The feature of the requirements model that matched, in the brief's words.</summary>
    public string Because { get; set; } = "";

    /// <summary>The technology chosen for the design's platform.</summary>
    public string Technology { get; set; } = "";

    /// <summary>Components the capability adds or shapes.</summary>
    public List<string> Components { get; set; } = [];

    /// <summary>Its main risk in this design.</summary>
    public string Risk { get; set; } = "";

    /// <summary>When it must grow, in this design's figures.</summary>
    public string ScalingTrigger { get; set; } = "";
}
