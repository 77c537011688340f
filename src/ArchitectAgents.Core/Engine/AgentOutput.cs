using System.Text.Json;

namespace ArchitectAgents.Core.Engine;

/// <summary>What an agent must reply with: the sections it writes, keyed by name, and its outcome.</summary>
public sealed class AgentOutput
{
    /// <summary>Section content by section name.</summary>
    public Dictionary<string, JsonElement> Sections { get; set; } = [];

    /// <summary>One of the agent's declared outcomes.</summary>
    public string Outcome { get; set; } = "done";

    /// <summary>A short note on what it did.</summary>
    public string? Notes { get; set; }
}
