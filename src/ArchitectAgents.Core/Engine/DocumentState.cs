using System.Text.Json;
using ArchitectAgents.Core.Document;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>
/// The design document as MAF workflow state. Each section and its history live under their own keys
/// in one shared scope, so parallel branches that write different sections never overwrite each other,
/// and the whole document is part of every checkpoint.
/// </summary>
internal static class DocumentState
{
    public const string Scope = "design-document";
    private const string RunKey = "run";
    private const string AnswersKey = "answers";

    public static ValueTask WriteRunAsync(IWorkflowContext context, DesignRunInput input, string workflowId, CancellationToken ct) =>
        context.QueueStateUpdateAsync(RunKey, JsonSerializer.Serialize(new RunInfo(input.RunId, workflowId, input.Interactive), DocumentJson.Options), Scope, ct);

    public static async ValueTask<RunInfo> ReadRunAsync(IWorkflowContext context, CancellationToken ct)
    {
        var json = await context.ReadStateAsync<string>(RunKey, Scope, ct).ConfigureAwait(false);
        return json is null ? new RunInfo("", "", false) : JsonSerializer.Deserialize<RunInfo>(json, DocumentJson.Options)!;
    }

    public static ValueTask WriteAnswersAsync(IWorkflowContext context, IReadOnlyDictionary<string, string> answers, CancellationToken ct) =>
        context.QueueStateUpdateAsync(AnswersKey, JsonSerializer.Serialize(answers, DocumentJson.Options), Scope, ct);

    public static async ValueTask<Dictionary<string, string>?> ReadAnswersAsync(IWorkflowContext context, CancellationToken ct)
    {
        var json = await context.ReadStateAsync<string>(AnswersKey, Scope, ct).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json, DocumentJson.Options);
    }

    /// <summary>Reads the document, optionally only some sections and without history.</summary>
    public static async ValueTask<DesignDocument> ReadAsync(IWorkflowContext context, IEnumerable<string>? sections, bool withHistory, CancellationToken ct)
    {
        var run = await ReadRunAsync(context, ct).ConfigureAwait(false);
        var doc = new DesignDocument { RunId = run.RunId, Workflow = run.Workflow };
        foreach (var name in sections ?? SectionNames.All)
        {
            var json = await context.ReadStateAsync<string>(SectionKey(name), Scope, ct).ConfigureAwait(false);
            if (json is not null)
            {
                SectionNames.Set(doc, name, (SectionBase?)JsonSerializer.Deserialize(json, SectionNames.TypeOf(name), DocumentJson.Options));
            }

            if (withHistory)
            {
                doc.History.AddRange(await ReadHistoryAsync(context, name, ct).ConfigureAwait(false));
            }
        }

        if (withHistory)
        {
            doc.History.Sort((a, b) => a.UpdatedAt.CompareTo(b.UpdatedAt) is var c and not 0 ? c : string.CompareOrdinal(a.Section, b.Section));
        }

        return doc;
    }

    /// <summary>Queues a new revision of a section; it becomes visible to other nodes in the next superstep.</summary>
    /// <returns>The section as written (with author, revision and time), as the node journal keeps it.</returns>
    public static ValueTask<JournaledSection> WriteSectionAsync(IWorkflowContext context, string name, SectionBase content, string author, int round, DateTimeOffset now, CancellationToken ct) =>
        WriteCoreAsync(context, name, content, author, round, now, replayedBy: null, ct);

    /// <summary>Writes a journaled section again, with its original author and time, when its node is replayed.</summary>
    public static ValueTask<JournaledSection> ReplaySectionAsync(IWorkflowContext context, string node, JournaledSection section, int round, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(section);
        var content = (SectionBase)section.Content.Deserialize(SectionNames.TypeOf(section.Name), DocumentJson.Options)!;
        return WriteCoreAsync(context, section.Name, content, section.Author, round, section.UpdatedAt, replayedBy: node, ct);
    }

    private static async ValueTask<JournaledSection> WriteCoreAsync(IWorkflowContext context, string name, SectionBase content, string author, int round, DateTimeOffset now, string? replayedBy, CancellationToken ct)
    {
        var previous = await context.ReadStateAsync<string>(SectionKey(name), Scope, ct).ConfigureAwait(false);
        JsonElement? previousContent = previous is null ? null : JsonSerializer.Deserialize<JsonElement>(previous);
        var revision = previousContent is { } p && p.TryGetProperty("revision", out var r) && r.TryGetInt32(out var n) ? n + 1 : 1;
        content.Author = author;
        content.Revision = revision;
        content.UpdatedAt = now;

        var element = JsonSerializer.SerializeToElement(content, SectionNames.TypeOf(name), DocumentJson.Options);
        var entry = new SectionRevision
        {
            Section = name,
            Revision = revision,
            Author = author,
            UpdatedAt = now,
            Round = round,
            Changed = previousContent is { } before ? JsonDiff.ChangedPaths(before, element) : [],
            Content = element,
        };

        // One key per revision: a write costs the same in the tenth round as in the first, and a checkpoint
        // does not carry the same growing history list once per revision.
        await context.QueueStateUpdateAsync(SectionKey(name), element.GetRawText(), Scope, ct).ConfigureAwait(false);
        await context.QueueStateUpdateAsync(RevisionKey(name, revision), JsonSerializer.Serialize(entry, DocumentJson.Options), Scope, ct).ConfigureAwait(false);
        await context.AddEventAsync(new SectionWrittenEvent(entry) { Replayed = replayedBy is not null, Node = replayedBy }, ct).ConfigureAwait(false);
        return new JournaledSection(name, author, now, element);
    }

    private static async ValueTask<List<SectionRevision>> ReadHistoryAsync(IWorkflowContext context, string name, CancellationToken ct)
    {
        // Checkpoints written before one-key-per-revision hold the first revisions as one list; later ones follow it.
        var legacy = await context.ReadStateAsync<string>(LegacyHistoryKey(name), Scope, ct).ConfigureAwait(false);
        var history = legacy is null ? [] : JsonSerializer.Deserialize<List<SectionRevision>>(legacy, DocumentJson.Options)!;
        for (var revision = history.Count + 1; ; revision++)
        {
            var json = await context.ReadStateAsync<string>(RevisionKey(name, revision), Scope, ct).ConfigureAwait(false);
            if (json is null)
            {
                return history;
            }

            history.Add(JsonSerializer.Deserialize<SectionRevision>(json, DocumentJson.Options)!);
        }
    }

    private static string RevisionKey(string name, int revision) => $"history.{name}.{revision}";

    private static string LegacyHistoryKey(string name) => "history." + name;

    private static string SectionKey(string name) => "section." + name;

    internal sealed record RunInfo(string RunId, string Workflow, bool Interactive);
}
