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

    /// <summary>The use case whose verb and object called for it, when one did (the thing its mechanism works on).</summary>
    public string? UseCaseId { get; set; }

    /// <summary>True when the organisation already runs it: the design uses that system and builds no mechanism of its own.</summary>
    public bool ExistingSystem { get; set; }

    /// <summary>How the mechanism works in this design: its tables, operations and the stated duration it runs on.</summary>
    public string Mechanism { get; set; } = "";

    /// <summary>Tables the mechanism adds to the schema.</summary>
    public List<string> Tables { get; set; } = [];

    /// <summary>Operations the mechanism adds to the contract ("POST /v1/seats/{id}/holds").</summary>
    public List<string> Operations { get; set; } = [];
}
