using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Engine;

/// <summary>
/// What an agent receives as its one user message, as JSON: only the sections it reads, plus the
/// loop position. Everything inside <see cref="Document"/> is data, never instructions.
/// </summary>
public sealed class AgentInput
{
    /// <summary>Agent id.</summary>
    public string Agent { get; set; } = "";

    /// <summary>Run id.</summary>
    public string RunId { get; set; } = "";

    /// <summary>How many times this node has run in this run, counting this one.</summary>
    public int Round { get; set; } = 1;

    /// <summary>How many more times a bounded edge out of this node may still be taken; null when it has none.</summary>
    public int? RevisionsLeft { get; set; }

    /// <summary>True when a person can answer questions during the run.</summary>
    public bool Interactive { get; set; }

    /// <summary>Sections the agent must return (and the only ones it may).</summary>
    public List<string> Writes { get; set; } = [];

    /// <summary>Outcomes it may report.</summary>
    public List<string> Outcomes { get; set; } = [];

    /// <summary>The document, holding only the sections the agent reads.</summary>
    public DesignDocument Document { get; set; } = new();

    /// <summary>Answers to clarifying questions, by question id, when a person answered.</summary>
    public Dictionary<string, string>? Answers { get; set; }
}
