using System.ComponentModel;

namespace ArchitectAgents.Core.Document;

/// <summary>
/// What the brief asks for, read once by the context gatherer and designed from by every later agent:
/// who uses the system, what it keeps, what they do with it, the stated figures and targets, the constraints
/// and the decisions already taken. Every element quotes the words of the brief it came from.
/// </summary>
public sealed class RequirementsModel
{
    /// <summary>Language of the brief (ISO 639-1, for example en, fr, es, de), or "und" when unknown.</summary>
    [Description("Language of the brief, ISO 639-1 (en, fr, es, de), or 'und' when unknown.")]
    public string Language { get; set; } = "und";

    /// <summary>What the reader could and could not read (an unparsed language, a missing analyser).</summary>
    public List<string> ReaderNotes { get; set; } = [];

    /// <summary>People and systems that use or feed the system.</summary>
    public List<Actor> Actors { get; set; } = [];

    /// <summary>Things the system keeps, with the facts the brief gives about them.</summary>
    public List<DomainEntity> Entities { get; set; } = [];

    /// <summary>What actors do with the system: actor + action + object, with any stated rule.</summary>
    public List<UseCase> UseCases { get; set; } = [];

    /// <summary>
    /// Use cases the brief defers past launch ("maybe organise events later on"): not designed now, so they add no
    /// table or operation, and the roadmap says when they come.
    /// </summary>
    public List<UseCase> Later { get; set; } = [];

    /// <summary>Stated (or derived, and marked so) quantities that size the system.</summary>
    public List<Figure> Figures { get; set; } = [];

    /// <summary>Latency, availability, RPO/RTO, freshness and throughput targets.</summary>
    public List<QualityTarget> QualityTargets { get; set; } = [];

    /// <summary>Cloud, region, residency, stack, budget, deadline, team, compliance and other hard limits.</summary>
    public List<Constraint> Constraints { get; set; } = [];

    /// <summary>Choices already made that the design keeps or departs from with a reason.</summary>
    public List<ExistingDecision> ExistingDecisions { get; set; } = [];

    /// <summary>Workload shapes (steady, spiky, batch, real-time, offline-first, …), each with its evidence.</summary>
    public List<WorkloadShape> Workload { get; set; } = [];

    /// <summary>Nouns of the brief (base forms, at most 200), the evidence that it names things of a domain at all.</summary>
    public List<string> Nouns { get; set; } = [];

    /// <summary>Text in the brief or attachments that tries to instruct the tool. Kept as data, never obeyed, never a requirement.</summary>
    public List<InstructionAttempt> InstructionAttempts { get; set; } = [];

    /// <summary>
    /// What the brief refuses, in the refusal's own words only: the rest of its sentence may name what is kept
    /// ("9 Rails developers, and nobody wants to run Kafka" refuses Kafka, not Rails).
    /// </summary>
    public IReadOnlyList<string> Refusals() => [.. Constraints.Where(c => c.Kind == "exclusion").Select(c => c.Value)];
}
