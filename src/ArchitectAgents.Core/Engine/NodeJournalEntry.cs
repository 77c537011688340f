using System.Text.Json;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Engine;

/// <summary>Everything a completed node invocation produced, enough to replay it without doing the work again.</summary>
public sealed record NodeJournalEntry
{
    /// <summary>Node id.</summary>
    public required string Node { get; init; }

    /// <summary>Which invocation of the node, from 1.</summary>
    public required int Invocation { get; init; }

    /// <summary>The answers the invocation was given (sorted "id=answer" lines), or null: an entry replays only for the same answers.</summary>
    public string? AnswersKey { get; init; }

    /// <summary>The outcome it reported (drives the routing).</summary>
    public required string Outcome { get; init; }

    /// <summary>What it said about its work.</summary>
    public string? Notes { get; init; }

    /// <summary>The sections it wrote, in order, as written.</summary>
    public List<JournaledSection> Sections { get; init; } = [];

    /// <summary>Questions it asked (context gatherer).</summary>
    public List<ClarifyingQuestion> Questions { get; init; } = [];

    /// <summary>The model usage of this invocation alone (not cumulative), when it called a model.</summary>
    public UsageEntry? Usage { get; init; }

    /// <summary>Wall time of the original execution.</summary>
    public long DurationMs { get; init; }

    /// <summary>The run's finished document, for the output node.</summary>
    public DesignDocument? Output { get; init; }

    /// <summary>The entry as JSON (the form both journals store).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, DocumentJson.Options);

    /// <summary>Reads an entry stored by <see cref="ToJson"/>.</summary>
    public static NodeJournalEntry FromJson(string json) => JsonSerializer.Deserialize<NodeJournalEntry>(json, DocumentJson.Options)!;
}

/// <summary>One section write of a journaled node.</summary>
/// <param name="Name">Section name.</param>
/// <param name="Author">Who wrote it (agent or node id).</param>
/// <param name="UpdatedAt">When it was written the first time; a replay keeps this time.</param>
/// <param name="Content">The section content.</param>
public sealed record JournaledSection(string Name, string Author, DateTimeOffset UpdatedAt, JsonElement Content);
