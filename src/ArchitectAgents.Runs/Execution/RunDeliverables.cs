using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Rendering;
using ArchitectAgents.Runs.Store;

namespace ArchitectAgents.Runs.Execution;

/// <summary>
/// The deliverable files of a finished run, rendered from its stored document on every read (they are never
/// stored twice), for the REST endpoints and the MCP tools and resources alike.
/// </summary>
public sealed class RunDeliverables(RunService runs)
{
    /// <summary>The design document of a run, if it is visible to the owner and has one yet.</summary>
    public async Task<DesignDocument?> DocumentAsync(string ownerId, string runId, CancellationToken ct) =>
        await runs.GetWithContentAsync(ownerId, runId, ct).ConfigureAwait(false) is { DocumentJson: { } json }
            ? JsonSerializer.Deserialize<DesignDocument>(json, DocumentJson.Options)
            : null;

    /// <summary>The document of a run that completed (with or without gate issues); null otherwise.</summary>
    public async Task<DesignDocument?> FinishedDocumentAsync(string ownerId, string runId, CancellationToken ct) =>
        await runs.GetWithContentAsync(ownerId, runId, ct).ConfigureAwait(false) is { Status: RunStatuses.Completed or RunStatuses.CompletedWithIssues, DocumentJson: { } json }
            ? JsonSerializer.Deserialize<DesignDocument>(json, DocumentJson.Options)
            : null;

    /// <summary>File name to content of a completed run's deliverables; null when it has not completed or is not the owner's.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> RenderAsync(string ownerId, string runId, CancellationToken ct) =>
        await FinishedDocumentAsync(ownerId, runId, ct).ConfigureAwait(false) is { } doc ? DeliverableRenderer.Render(doc) : null;

    /// <summary>The media type a deliverable is served with.</summary>
    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".md" => "text/markdown",
        ".mmd" => "text/vnd.mermaid",
        ".yaml" => "application/yaml",
        ".sql" => "application/sql",
        ".json" => "application/json",
        _ => "text/plain",
    };
}
