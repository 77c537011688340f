using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Engine;

/// <summary>What a run starts from: the brief and how the run behaves.</summary>
public sealed record DesignRunInput
{
    /// <summary>Run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The brief text (untrusted).</summary>
    public required string BriefText { get; init; }

    /// <summary>cli, api, github, jira.</summary>
    public string Source { get; init; } = "cli";

    /// <summary>Who asked, when known.</summary>
    public string? Requester { get; init; }

    /// <summary>When false, questions become explicit assumptions and the run never pauses.</summary>
    public bool Interactive { get; init; }

    /// <summary>Existing architecture documents.</summary>
    public IReadOnlyList<AttachedDocument> Attachments { get; init; } = [];
}

/// <summary>Passed along edges between nodes: who finished and with which outcome.</summary>
/// <param name="From">Node that sent it.</param>
/// <param name="Outcome">Outcome it reported.</param>
/// <param name="Targets">Nodes the routing decided to activate; edges deliver only to these.</param>
public sealed record NodeSignal(string From, string Outcome, IReadOnlyList<string> Targets);

/// <summary>Sent to a human node: the questions to ask.</summary>
/// <param name="AskedBy">Node that asked.</param>
/// <param name="Questions">Unanswered questions.</param>
public sealed record ClarificationRequest(string AskedBy, IReadOnlyList<ClarifyingQuestion> Questions);

/// <summary>The human's answers, keyed by question id. Missing answers become assumptions.</summary>
/// <param name="Answers">Answer text by question id.</param>
public sealed record ClarificationAnswers(IReadOnlyDictionary<string, string> Answers);
