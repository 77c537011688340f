namespace ArchitectAgents.Core.Knowledge;

/// <summary>The shipped capability catalogue (capabilities.json): what each capability is, what calls for it, what it adds.</summary>
public sealed class CapabilityCatalog
{
    private static readonly Lazy<CapabilityCatalog> Shared = new(() => KnowledgeFile.Read<CapabilityCatalog>("capabilities"));

    /// <summary>The embedded catalogue, loaded once.</summary>
    public static CapabilityCatalog Default => Shared.Value;

    /// <summary>Date of the catalogue.</summary>
    public string Version { get; set; } = "";

    /// <summary>
    /// Named classes of use-case objects ("money": payment, transfer, payout, ...), so a trigger can ask for a verb on a
    /// kind of thing ("post" on money, not "post" on a comment) without repeating the words in every entry.
    /// </summary>
    public Dictionary<string, List<string>> ObjectClasses { get; set; } = [];

    /// <summary>Entries.</summary>
    public List<CapabilityInfo> Capabilities { get; set; } = [];

    /// <summary>The words of an object class; empty for an unknown class.</summary>
    public IReadOnlyList<string> ClassWords(string name) => ObjectClasses.TryGetValue(name, out var words) ? words : [];
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

    /// <summary>
    /// Technology categories (payments, email, queue, cache, ...) in which a product the brief already runs replaces
    /// the capability's default technology: a stated Adyen stays Adyen, a stated Sidekiq carries the jobs.
    /// </summary>
    public List<string> Keeps { get; set; } = [];

    /// <summary>
    /// Words that, in an existing decision, say the organisation already runs this capability ("the core ledger is an
    /// existing ... system"): the design then uses that system and adds no components for it.
    /// </summary>
    public List<string> ExistingSystemWords { get; set; } = [];

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

    /// <summary>The tables and operations it adds to the design's own domain, or null when it adds none.</summary>
    public CapabilityMechanism? Mechanism { get; set; }
}

/// <summary>
/// The requirements-model features that call for a capability; any one match is enough, unless <see cref="Requires"/>
/// asks for a second feature as well. A use case matches only on a verb together with a fitting object (or a verb that
/// needs no object); bare words are read only in use cases and constraints, never in background prose.
/// </summary>
public sealed class CapabilityTriggers
{
    /// <summary>Use-case actions (verbs, base form) that match only with an object from <see cref="Objects"/> or <see cref="ObjectClasses"/>.</summary>
    public List<string> Verbs { get; set; } = [];

    /// <summary>Words in use-case objects (singular; plurals match).</summary>
    public List<string> Objects { get; set; } = [];

    /// <summary>Names of object classes of the catalogue whose words count as objects.</summary>
    public List<string> ObjectClasses { get; set; } = [];

    /// <summary>Use-case actions that call for the capability whatever their object ("chat", "co-edit").</summary>
    public List<string> AnyObjectVerbs { get; set; } = [];

    /// <summary>Words in use-case actors ("partner", "third party"): who uses the system calls for it.</summary>
    public List<string> Actors { get; set; } = [];

    /// <summary>Workload shapes; "a+b" needs both shapes.</summary>
    public List<string> Shapes { get; set; } = [];

    /// <summary>Quality-target attributes (any stated bound).</summary>
    public List<string> Qualities { get; set; } = [];

    /// <summary>Quality targets at or under a bound ("freshness within 5 s"), for attributes where only a tight bound calls for it.</summary>
    public List<QualityBound> QualityBounds { get; set; } = [];

    /// <summary>Constraint kinds; "kind:class" needs the constraint to mention a word of the object class.</summary>
    public List<string> Constraints { get; set; } = [];

    /// <summary>Stated (not derived) figures whose unit is exactly the given one, at or above a value.</summary>
    public List<FigureThreshold> Figures { get; set; } = [];

    /// <summary>The stated running budget (US dollars a month) at or under which it is called for; null for none.</summary>
    public double? MonthlyBudgetAtMost { get; set; }

    /// <summary>Products named by an existing decision (its technologies) that call for it ("SAP EWM", "Brevo").</summary>
    public List<string> Decisions { get; set; } = [];

    /// <summary>Words or phrases in the brief's use cases and constraints; the last resort.</summary>
    public List<string> Words { get; set; } = [];

    /// <summary>Words or phrases in what the brief says of its load (workload evidence: "bots are a large share of that").</summary>
    public List<string> LoadWords { get; set; } = [];

    /// <summary>Words that disqualify a feature: one whose words mention them ("legal hold") does not count.</summary>
    public List<string> Excludes { get; set; } = [];

    /// <summary>A second set of features of which one must also match (a spike needs a stated crowd); null for none.</summary>
    public CapabilityTriggers? Requires { get; set; }

    /// <summary>True when no trigger is set (an entry nothing can call for).</summary>
    public bool IsEmpty => Verbs.Count + AnyObjectVerbs.Count + Actors.Count + Shapes.Count + Qualities.Count + QualityBounds.Count
        + Constraints.Count + Figures.Count + Decisions.Count + Words.Count + LoadWords.Count == 0 && MonthlyBudgetAtMost is null;
}

/// <summary>A quality target whose bound is at most <see cref="AtMostSeconds"/>.</summary>
public sealed class QualityBound
{
    /// <summary>latency, freshness, rpo, rto, ...</summary>
    public string Attribute { get; set; } = "";

    /// <summary>Largest bound, in seconds, that calls for the capability.</summary>
    public double AtMostSeconds { get; set; }
}

/// <summary>A figure threshold: a stated figure whose unit is <see cref="Unit"/> and whose value is at least <see cref="AtLeast"/>.</summary>
public sealed class FigureThreshold
{
    /// <summary>Unit, for example searches/day (compared whole, case-insensitive).</summary>
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

    /// <summary>
    /// For a component connected from the clients: it stands in their path to the system (a firewall, a waiting room),
    /// so the clients' first hop goes through it instead of beside it.
    /// </summary>
    public bool InPath { get; set; }
}
