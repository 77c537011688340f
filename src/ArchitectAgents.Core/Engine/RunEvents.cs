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

    /// <summary>Which invocation of the node this was, from 1.</summary>
    public int Round { get; init; }

    /// <summary>True when the result came from the node journal (a superstep ran again after a crash): no work was done.</summary>
    public bool Replayed { get; init; }
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

    /// <summary>True when a journaled node was replayed: the same write happened before the crash.</summary>
    public bool Replayed { get; init; }

    /// <summary>The replayed node, when <see cref="Replayed"/>.</summary>
    public string? Node { get; init; }
}

/// <summary>A node's invocation had completed before a stop: its journaled result is replayed instead of running it.</summary>
public sealed class NodeReplayedEvent(string node, int round) : WorkflowEvent(node)
{
    /// <summary>Node id.</summary>
    public string Node { get; } = node;

    /// <summary>Which invocation.</summary>
    public int Round { get; } = round;
}

/// <summary>An agent's reply broke its contract and the agent was asked to repair it.</summary>
public sealed class AgentOutputRepairEvent(string node, int attempt, IReadOnlyList<string> errors) : WorkflowEvent(node)
{
    /// <summary>Node id.</summary>
    public string Node { get; } = node;

    /// <summary>Repair turn number, from 1.</summary>
    public int Attempt { get; } = attempt;

    /// <summary>What was wrong with the reply.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>An agent called a tool during its turn.</summary>
public sealed class ToolCalledEvent(string node, string tool, string? arguments, string? result) : WorkflowEvent(node)
{
    /// <summary>Node id.</summary>
    public string Node { get; } = node;

    /// <summary>Tool name.</summary>
    public string Tool { get; } = tool;

    /// <summary>Arguments as JSON, truncated.</summary>
    public string? Arguments { get; } = arguments;

    /// <summary>Start of the result, truncated.</summary>
    public string? Result { get; } = result;
}

/// <summary>Usage of a node after one invocation, cumulative for that node.</summary>
public sealed class UsageRecordedEvent(UsageEntry entry) : WorkflowEvent(entry)
{
    /// <summary>The node's usage so far.</summary>
    public UsageEntry Entry { get; } = entry;

    /// <summary>This invocation's usage alone; what it adds to the node's total.</summary>
    public UsageEntry? Delta { get; init; }

    /// <summary>True when a journaled node was replayed: this usage was spent (and counted) before the crash.</summary>
    public bool Replayed { get; init; }
}
