namespace ArchitectAgents.Core.Document;

/// <summary>The eight deliverables of the architect's output format.</summary>
public sealed class DesignSection : SectionBase
{
    /// <summary>Chosen pattern, components and the Mermaid diagram.</summary>
    public ArchitectureDesign Architecture { get; set; } = new();

    /// <summary>The API contract.</summary>
    public ApiDesign Api { get; set; } = new();

    /// <summary>The database schema.</summary>
    public DatabaseDesign Database { get; set; } = new();

    /// <summary>Technology picks with versions.</summary>
    public List<TechnologyChoice> Technologies { get; set; } = [];

    /// <summary>What the design optimises for and what it gives up.</summary>
    public List<Tradeoff> Tradeoffs { get; set; } = [];

    /// <summary>What could fail and how it is handled.</summary>
    public List<Risk> Risks { get; set; } = [];

    /// <summary>When and how the architecture evolves.</summary>
    public List<ScalingPhase> Scaling { get; set; } = [];

    /// <summary>How it is built, shipped and rolled back.</summary>
    public DeploymentPlan Deployment { get; set; } = new();

    /// <summary>Monthly running cost per component against the stated budget.</summary>
    public CostEstimate Cost { get; set; } = new();

    /// <summary>Architectural capabilities the requirements call for, from the capability catalogue.</summary>
    public List<CapabilityUse> Capabilities { get; set; } = [];

    /// <summary>Where the design departs from existing decisions, and why.</summary>
    public List<string> Departures { get; set; } = [];

    /// <summary>What changed in this revision in answer to the gate or the review.</summary>
    public List<string> RevisionNotes { get; set; } = [];

    /// <summary>The design adopts a product (a technology of category "product") instead of building: its own API,
    /// database and delivery pipeline are the vendor's, and checks of them judge the vendor's contract instead.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AdoptsProduct => Technologies.Any(t => t.Category == "product");
}

/// <summary>The architecture deliverable.</summary>
public sealed class ArchitectureDesign
{
    /// <summary>Pattern name from the pattern table.</summary>
    public string Pattern { get; set; } = "";

    /// <summary>Why this pattern, citing figures from the context.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Patterns considered and why they were not chosen.</summary>
    public List<Alternative> Alternatives { get; set; } = [];

    /// <summary>Components of the system.</summary>
    public List<Component> Components { get; set; } = [];

    /// <summary>Data flows between components.</summary>
    public List<Flow> Flows { get; set; } = [];

    /// <summary>Mermaid flowchart of components and flows.</summary>
    public string Mermaid { get; set; } = "";
}

/// <summary>A pattern that was considered and rejected.</summary>
public sealed class Alternative
{
    /// <summary>Pattern name.</summary>
    public string Pattern { get; set; } = "";

    /// <summary>Why it was not chosen.</summary>
    public string WhyNot { get; set; } = "";
}

/// <summary>A deployable or logical component.</summary>
public sealed class Component
{
    /// <summary>Identifier used in the diagram.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Kind: client, gateway, service, module, worker, database, cache, queue, storage, external, edge, observability.</summary>
    public string Kind { get; set; } = "";

    /// <summary>What it is responsible for.</summary>
    public string Responsibility { get; set; } = "";

    /// <summary>Technology id it runs on, when any.</summary>
    public string? TechnologyId { get; set; }
}

/// <summary>A flow between two components.</summary>
public sealed class Flow
{
    /// <summary>Source component id.</summary>
    public string From { get; set; } = "";

    /// <summary>Target component id.</summary>
    public string To { get; set; } = "";

    /// <summary>What travels, and how.</summary>
    public string Label { get; set; } = "";

    /// <summary>True for asynchronous flows (queues, events).</summary>
    public bool Async { get; set; }
}

/// <summary>The API deliverable.</summary>
public sealed class ApiDesign
{
    /// <summary>OpenAPI 3.1 document in YAML.</summary>
    public string OpenApiYaml { get; set; } = "";

    /// <summary>Authentication scheme in words.</summary>
    public string Authentication { get; set; } = "";

    /// <summary>Versioning strategy.</summary>
    public string Versioning { get; set; } = "";

    /// <summary>Pagination strategy.</summary>
    public string Pagination { get; set; } = "";

    /// <summary>Error model.</summary>
    public string ErrorModel { get; set; } = "";
}

/// <summary>The database deliverable.</summary>
public sealed class DatabaseDesign
{
    /// <summary>Engine, for example PostgreSQL.</summary>
    public string Engine { get; set; } = "";

    /// <summary>DDL in the engine's dialect.</summary>
    public string Ddl { get; set; } = "";

    /// <summary>Access patterns the indexes serve.</summary>
    public List<string> AccessPatterns { get; set; } = [];

    /// <summary>Migration and data-evolution notes.</summary>
    public List<string> MigrationNotes { get; set; } = [];
}

/// <summary>A technology pick.</summary>
public sealed class TechnologyChoice
{
    /// <summary>Knowledge-base id; links to the verification entry of the same id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Version chosen.</summary>
    public string Version { get; set; } = "";

    /// <summary>Category, for example database or queue.</summary>
    public string Category { get; set; } = "";

    /// <summary>What it does in this design.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>Why it was picked over alternatives.</summary>
    public string Why { get; set; } = "";

    /// <summary>Documentation link.</summary>
    public string? DocsUrl { get; set; }
}

/// <summary>A trade-off.</summary>
public sealed class Tradeoff
{
    /// <summary>The decision.</summary>
    public string Decision { get; set; } = "";

    /// <summary>What it optimises for.</summary>
    public string OptimisesFor { get; set; } = "";

    /// <summary>What it sacrifices.</summary>
    public string Sacrifices { get; set; } = "";
}

/// <summary>A risk with its mitigation.</summary>
public sealed class Risk
{
    /// <summary>Stable id, for example R1.</summary>
    public string Id { get; set; } = "";

    /// <summary>What could go wrong.</summary>
    public string Description { get; set; } = "";

    /// <summary>low, medium or high.</summary>
    public string Likelihood { get; set; } = "";

    /// <summary>low, medium or high.</summary>
    public string Impact { get; set; } = "";

    /// <summary>How it is prevented or handled.</summary>
    public string Mitigation { get; set; } = "";
}

/// <summary>A phase of the scaling roadmap.</summary>
public sealed class ScalingPhase
{
    /// <summary>Phase name.</summary>
    public string Phase { get; set; } = "";

    /// <summary>The metric and threshold that trigger this phase.</summary>
    public string Trigger { get; set; } = "";

    /// <summary>What to do.</summary>
    public List<string> Actions { get; set; } = [];
}

/// <summary>The deployment deliverable.</summary>
public sealed class DeploymentPlan
{
    /// <summary>Environments, in promotion order.</summary>
    public List<string> Environments { get; set; } = [];

    /// <summary>Where it runs.</summary>
    public string Platform { get; set; } = "";

    /// <summary>CI/CD and GitOps steps.</summary>
    public List<string> Pipeline { get; set; } = [];

    /// <summary>How a release reaches users.</summary>
    public string Rollout { get; set; } = "";

    /// <summary>The delivery plan to the brief's dates, in order: what is proved before the first go-live, the slices, the go/no-go between them.</summary>
    public List<string> Milestones { get; set; } = [];

    /// <summary>How a bad release is undone.</summary>
    public string Rollback { get; set; } = "";

    /// <summary>Logs, metrics, traces, alerts and SLOs.</summary>
    public List<string> Observability { get; set; } = [];

    /// <summary>Security and compliance controls in the running system.</summary>
    public List<string> SecurityControls { get; set; } = [];

    /// <summary>Backups, RPO and RTO.</summary>
    public string DisasterRecovery { get; set; } = "";
}
