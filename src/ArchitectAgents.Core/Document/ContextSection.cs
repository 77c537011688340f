using System.ComponentModel;

namespace ArchitectAgents.Core.Document;

/// <summary>What the context gatherer extracted from the brief, plus assumptions and questions.</summary>
public sealed class ContextSection : SectionBase
{
    /// <summary>One-line statement of what is being built.</summary>
    public string Summary { get; set; } = "";

    /// <summary>Business domain, for example healthcare or commerce.</summary>
    public string Domain { get; set; } = "";

    /// <summary>Functional requirements as stated in the brief.</summary>
    public List<string> FunctionalRequirements { get; set; } = [];

    /// <summary>The requirements model: actors, entities, use cases, figures, targets, constraints, existing decisions, workload. Later agents design from it.</summary>
    public RequirementsModel Requirements { get; set; } = new();

    /// <summary>Non-functional figures, each with the text it came from.</summary>
    public NonFunctionalFigures Figures { get; set; } = new();

    /// <summary>Team size, with the text it came from.</summary>
    public ExtractedFigure? TeamSize { get; set; }

    /// <summary>Languages, frameworks and platforms the team knows.</summary>
    public List<string> TeamSkills { get; set; } = [];

    /// <summary>Budget as stated.</summary>
    public string? Budget { get; set; }

    /// <summary>Timeline as stated.</summary>
    public string? Timeline { get; set; }

    /// <summary>Compliance regimes that apply: GDPR, HIPAA, PCI DSS, SOC 2.</summary>
    public List<string> Compliance { get; set; } = [];

    /// <summary>Where data must stay, when stated.</summary>
    public string? DataResidency { get; set; }

    /// <summary>Deployment environment or cloud, when stated.</summary>
    public string? Environment { get; set; }

    /// <summary>Hard constraints from the brief.</summary>
    public List<string> Constraints { get; set; } = [];

    /// <summary>Decisions already taken that the design must respect or explicitly depart from.</summary>
    public List<string> ExistingDecisions { get; set; } = [];

    /// <summary>Workload traits such as spiky, iot, read-heavy, realtime, each with evidence.</summary>
    public List<WorkloadTrait> Traits { get; set; } = [];

    /// <summary>Domain entities recognised in the brief (names from the knowledge base).</summary>
    public List<string> Entities { get; set; } = [];

    /// <summary>Facts the design relies on that nobody stated. Each is marked as an assumption.</summary>
    public List<Assumption> Assumptions { get; set; } = [];

    /// <summary>Clarifying questions, with answers once given.</summary>
    public List<ClarifyingQuestion> Questions { get; set; } = [];
}

/// <summary>Figures that size the system.</summary>
public sealed class NonFunctionalFigures
{
    /// <summary>Total or monthly active users.</summary>
    public ExtractedFigure? Users { get; set; }

    /// <summary>Connected devices or clients that are not people.</summary>
    public ExtractedFigure? Devices { get; set; }

    /// <summary>Peak requests per second.</summary>
    public ExtractedFigure? PeakRequestsPerSecond { get; set; }

    /// <summary>Business transactions per day (bookings, orders, readings…).</summary>
    public ExtractedFigure? TransactionsPerDay { get; set; }

    /// <summary>Stored data volume in GB.</summary>
    public ExtractedFigure? DataVolumeGb { get; set; }

    /// <summary>Latency target in milliseconds (p99 unless stated).</summary>
    public ExtractedFigure? LatencyMs { get; set; }

    /// <summary>Availability target in percent.</summary>
    public ExtractedFigure? AvailabilityPercent { get; set; }
}

/// <summary>A number taken from the brief, with the exact text that stated it.</summary>
public sealed class ExtractedFigure
{
    /// <summary>The value in the unit below.</summary>
    public double Value { get; set; }

    /// <summary>Unit of the value.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The text of the brief it came from, or "assumption" when it was not stated.</summary>
    [Description("The text of the brief this figure came from, or 'assumption' when not stated.")]
    public string Evidence { get; set; } = "";

    /// <summary>True when the figure was assumed, not stated.</summary>
    public bool Assumed { get; set; }
}

/// <summary>A workload characteristic that drives the pattern choice.</summary>
public sealed class WorkloadTrait
{
    /// <summary>Trait name, for example spiky, batch, iot, intermittent-network, realtime, read-heavy, internal, crud, payments, media, search, multi-tenant.</summary>
    public string Name { get; set; } = "";

    /// <summary>Text of the brief that shows it.</summary>
    public string Evidence { get; set; } = "";
}

/// <summary>An explicit assumption.</summary>
public sealed class Assumption
{
    /// <summary>What it is about: scale, team, compliance, residency, availability…</summary>
    public string Topic { get; set; } = "";

    /// <summary>The assumption itself.</summary>
    public string Statement { get; set; } = "";

    /// <summary>Why it was needed and what changes if it is wrong.</summary>
    public string Reason { get; set; } = "";
}

/// <summary>A clarifying question for the requester.</summary>
public sealed class ClarifyingQuestion
{
    /// <summary>Stable id, for example q-scale.</summary>
    public string Id { get; set; } = "";

    /// <summary>What it is about.</summary>
    public string Topic { get; set; } = "";

    /// <summary>The question.</summary>
    public string Text { get; set; } = "";

    /// <summary>Why the answer changes the design.</summary>
    public string Why { get; set; } = "";

    /// <summary>The answer, once given.</summary>
    public string? Answer { get; set; }
}
