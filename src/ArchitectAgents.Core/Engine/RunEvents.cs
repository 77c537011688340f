using ArchitectAgents.Core.Document;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>A node began work.</summary>
public sealed class NodeStartedEvent(string node, string? agent, int round) : WorkflowEvent(node)
{
    /// <summary>Node id.</summary>
    public string Node { get; } = node;

    /// <summary>Agent id, for agent nodes.</summary>
    public string? Agent { get; } = agent;

    /// <summary>How many times this node has run in this run, counting this one.</summary>
    public int Round { get; } = round;
}

/// <summary>A node finished.</summary>
public sealed class NodeCompletedEvent(string node, string outcome, string? notes, IReadOnlyList<string> sectionsWritten, long durationMs) : WorkflowEvent(node)
{
    /// <summary>Node id.</summary>
    public string Node { get; } = node;

    /// <summary>Outcome it reported.</summary>
    public string Outcome { get; } = outcome;

    /// <summary>What the node said about its work.</summary>
    public string? Notes { get; } = notes;

    /// <summary>Sections it wrote.</summary>
    public IReadOnlyList<string> SectionsWritten { get; } = sectionsWritten;

    /// <summary>Wall time.</summary>
    public long DurationMs { get; } = durationMs;
}

/// <summary>An agent's output was rejected; the document is unchanged.</summary>
public sealed class AgentOutputRejectedEvent(string node, string reason) : WorkflowEvent(reason)
{
    /// <summary>Node id.</summary>
    public string Node { get; } = node;

    /// <summary>Why it was rejected.</summary>
    public string Reason { get; } = reason;
}

/// <summary>A section was written; carries the new revision so a host can follow the document as it grows.</summary>
public sealed class SectionWrittenEvent(SectionRevision revision) : WorkflowEvent(revision.Section)
{
    /// <summary>The revision, with its content and what changed.</summary>
    public SectionRevision Revision { get; } = revision;
}
