namespace ArchitectAgents.Core.Knowledge;

/// <summary>The shipped capability catalogue (capabilities.json): what each capability is, what calls for it, what it adds.</summary>
public sealed class CapabilityCatalog
{
    private static readonly Lazy<CapabilityCatalog> Shared = new(() => KnowledgeFile.Read<CapabilityCatalog>("capabilities"));

    /// <summary>The embedded catalogue, loaded once.</summary>
    public static CapabilityCatalog Default => Shared.Value;

    /// <summary>Date of the catalogue.</summary>
    public string Version { get; set; } = "";

    /// <summary>Entries.</summary>
    public List<CapabilityInfo> Capabilities { get; set; } = [];
}

/// <summary>One architectural capability.</summary>
public sealed class CapabilityInfo
{
    /// <summary>Unique id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What it does, in one sentence.</summary>
    public string Summary { get; set; } = "";

    /// <summary>Features of the requirements model that call for it; any one match is enough.</summary>
    public CapabilityTriggers Triggers { get; set; } = new();

    /// <summary>Components it adds to the plan when the plan has none with that id.</summary>
    public List<CapabilityComponent> Components { get; set; } = [];

    /// <summary>Technology per hosting (aws, azure, gcp, onPrem, hosted): a technologies.json id, or the product in words.</summary>
    public Dictionary<string, string> Technologies { get; set; } = [];

    /// <summary>What can go wrong, with the mitigation.</summary>
    public List<string> Risks { get; set; } = [];

    /// <summary>When it must grow.</summary>
    public List<string> ScalingTriggers { get; set; } = [];

    /// <summary>What it costs, in words (priced lines come from prices.json).</summary>
    public List<string> CostLines { get; set; } = [];
}

/// <summary>The requirements-model features that call for a capability.</summary>
public sealed class CapabilityTriggers
{
    /// <summary>Use-case actions (verbs, base form).</summary>
    public List<string> Verbs { get; set; } = [];

    /// <summary>Words in use-case objects.</summary>
    public List<string> Objects { get; set; } = [];

    /// <summary>Workload shapes.</summary>
    public List<string> Shapes { get; set; } = [];

    /// <summary>Quality-target attributes.</summary>
    public List<string> Qualities { get; set; } = [];

    /// <summary>Constraint kinds.</summary>
    public List<string> Constraints { get; set; } = [];

    /// <summary>Figures whose unit contains the text, at or above a value.</summary>
    public List<FigureThreshold> Figures { get; set; } = [];

    /// <summary>Words or phrases in the brief's use cases, entities, constraints and decisions.</summary>
    public List<string> Words { get; set; } = [];

    /// <summary>True when no trigger is set (an entry nothing can call for).</summary>
    public bool IsEmpty => Verbs.Count + Objects.Count + Shapes.Count + Qualities.Count + Constraints.Count + Figures.Count + Words.Count == 0;
}

/// <summary>A figure threshold: a figure whose unit contains <see cref="Unit"/> and whose value is at least <see cref="AtLeast"/>.</summary>
public sealed class FigureThreshold
{
    /// <summary>Unit text, for example searches/day.</summary>
    public string Unit { get; set; } = "";

    /// <summary>Smallest value that calls for the capability.</summary>
    public double AtLeast { get; set; }
}

/// <summary>A component a capability adds.</summary>
public sealed class CapabilityComponent
{
    /// <summary>Diagram id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Component kind (service, worker, gateway, database, storage, external, queue).</summary>
    public string Kind { get; set; } = "";

    /// <summary>What it is responsible for.</summary>
    public string Responsibility { get; set; } = "";

    /// <summary>Where its flow comes from: core (the main service), clients, worker or jobs.</summary>
    public string ConnectFrom { get; set; } = "core";
}
