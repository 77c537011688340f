namespace ArchitectAgents.Core.Catalog;

/// <summary>An agent as defined in <c>agents/&lt;id&gt;.md</c>: YAML front matter plus Markdown instructions.</summary>
public sealed record AgentDefinition
{
    /// <summary>Unique id; equals the file name without extension.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>One-sentence description.</summary>
    public required string Description { get; init; }

    /// <summary>Sections of the design document the agent receives.</summary>
    public required IReadOnlyList<string> Reads { get; init; }

    /// <summary>Sections the agent may write; anything else it returns is rejected.</summary>
    public required IReadOnlyList<string> Writes { get; init; }

    /// <summary>Outcomes the agent may report; workflow edges branch on them.</summary>
    public required IReadOnlyList<string> Outcomes { get; init; }

    /// <summary>Name of the model entry in configuration.</summary>
    public required string Model { get; init; }

    /// <summary>Tools the agent may call, for example context7.resolve-library-id.</summary>
    public required IReadOnlyList<string> Tools { get; init; }

    /// <summary>The instructions (system prompt) in Markdown.</summary>
    public required string Instructions { get; init; }

    /// <summary>File the definition came from.</summary>
    public required string SourcePath { get; init; }
}
