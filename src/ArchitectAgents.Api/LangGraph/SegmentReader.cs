using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Api.Runs;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Threads;

namespace ArchitectAgents.Api.LangGraph;

/// <summary>
/// Turns the stored events of a LangGraph run (the service run's events after the run's start, up to the next
/// interrupt or the end) into LangGraph stream frames: <c>metadata</c> first, then per completed node its
/// <c>updates</c> (the sections it wrote) and <c>values</c> (the document so far), every event as <c>events</c>,
/// the questions as an <c>__interrupt__</c>, and <c>error</c> when the run failed. Frames are computed from the store
/// every time, so a rejoin with <c>Last-Event-ID</c> gets exactly the frames after that id.
/// </summary>
internal sealed class SegmentReader(RunService runs, RunSignals signals, TimeSpan poll, string ownerId, ThreadRunRecord segment, IReadOnlyCollection<string> modes)
{
    private DesignDocument? _document;
    private (string Section, int Revision)? _lastWrite;
    private long _skipThroughEvent = -1;
    private int _skipThroughIndex = -1;

    /// <summary>Parses a <c>Last-Event-ID</c> this reader wrote; false when it is not one.</summary>
    public static bool TryParseEventId(string value, out long eventId, out int index)
    {
        eventId = 0;
        index = 0;
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && long.TryParse(value.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out eventId)
            && int.TryParse(value.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    /// <summary>
    /// The frames after <paramref name="lastEventId"/> (all of them when null), live until the LangGraph run ends; a
    /// null item means nothing happened for a while (time for a keep-alive).
    /// </summary>
    public async IAsyncEnumerable<LangGraphFrame?> ReadAsync(string? lastEventId, [EnumeratorCancellation] CancellationToken ct)
    {
        if (lastEventId is not null && TryParseEventId(lastEventId, out var skipEvent, out var skipIndex))
        {
            _skipThroughEvent = skipEvent;
            _skipThroughIndex = skipIndex;
        }

        if (Wanted(segment.StartEventId, 0))
        {
            yield return new LangGraphFrame(FrameId(segment.StartEventId, 0), "metadata", new JsonObject { ["run_id"] = segment.Id, ["attempt"] = 1 });
        }

        await LearnEarlierWritesAsync(ct);
        await foreach (var events in RunEventFeed.ReadAsync(runs, signals, poll, ownerId, segment.RunId, segment.StartEventId, ct))
        {
            if (events.Count == 0)
            {
                yield return null;
                continue;
            }

            foreach (var e in events)
            {
                var (frames, ends) = await TranslateAsync(e, ct);
                while (frames is null)
                {
                    // The document this event needs is not saved yet; waiting here keeps sending ticks (heartbeats),
                    // so a client does not take a long step for a dead connection.
                    await signals.WaitForChangeAsync(segment.RunId, poll, ct);
                    yield return null;
                    (frames, ends) = await TranslateAsync(e, ct);
                }

                for (var i = 0; i < frames.Count; i++)
                {
                    if (Wanted(e.Id, i))
                    {
                        yield return frames[i] with { Id = FrameId(e.Id, i) };
                    }
                }

                if (ends)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// What <c>runs.wait</c> and <c>runs.join</c> return: the last values (with <c>__interrupt__</c> when the run
    /// stopped at one), or <c>{"__error__": {...}}</c> when it failed, as a LangGraph server answers.
    /// </summary>
    public async Task<JsonNode> ResultAsync(CancellationToken ct)
    {
        JsonNode? last = null;
        await foreach (var frame in ReadAsync(null, ct))
        {
            if (frame?.Event == "values")
            {
                last = frame.Data;
            }
            else if (frame?.Event == "error")
            {
                last = new JsonObject { ["__error__"] = frame.Data?.DeepClone() };
            }
        }

        return last ?? LangGraphJson.Values(await LatestDocumentAsync(ct));
    }

    /// <summary>A resumed LangGraph run starts after earlier section writes: the last one is where its first step's document begins.</summary>
    private async Task LearnEarlierWritesAsync(CancellationToken ct)
    {
        long after = 0;
        while (after < segment.StartEventId)
        {
            var events = await runs.EventsAfterAsync(segment.RunId, after, 500, ct);
            foreach (var e in events.Where(e => e.Id <= segment.StartEventId && e.Type == RunEventTypes.SectionWritten))
            {
                using var data = JsonDocument.Parse(e.DataJson);
                _lastWrite = (data.RootElement.GetProperty("section").GetString()!, data.RootElement.GetProperty("revision").GetInt32());
            }

            if (events.Count == 0)
            {
                return;
            }

            after = events[^1].Id;
        }
    }

    private bool Wanted(long eventId, int index) => eventId > _skipThroughEvent || (eventId == _skipThroughEvent && index > _skipThroughIndex);

    private static string FrameId(long eventId, int index) => $"{eventId.ToString(CultureInfo.InvariantCulture)}-{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The frames of one stored event, and whether the LangGraph run ends with it; null frames when the document they show is not saved yet.</summary>
    private async Task<(List<LangGraphFrame>? Frames, bool Ends)> TranslateAsync(RunEventRecord e, CancellationToken ct)
    {
        var frames = new List<LangGraphFrame>();
        using var data = JsonDocument.Parse(e.DataJson);
        var root = data.RootElement;
        // Frames this client already has are not rebuilt (that would read the document); their ids are all that matter.
        var skipped = !Wanted(e.Id, int.MaxValue);
        switch (e.Type)
        {
            case RunEventTypes.SectionWritten:
                _lastWrite = (root.GetProperty("section").GetString()!, root.GetProperty("revision").GetInt32());
                Add(frames, "events", () => Event(e, "on_custom_event", e.Type, JsonNode.Parse(e.DataJson)));
                break;
            case RunEventTypes.NodeStarted:
                Add(frames, "events", () => Event(e, "on_chain_start", Text(root, "node"), new JsonObject { ["input"] = new JsonObject() }));
                break;
            case RunEventTypes.NodeCompleted when !skipped:
                {
                    var node = Text(root, "node");
                    var (document, ready) = await DocumentAsync(_lastWrite, ct);
                    if (!ready)
                    {
                        return (null, false);
                    }

                    var upTo = document is null ? 0 : WriteIndex(document, _lastWrite) + 1;
                    var update = Update(document, upTo, root);
                    Add(frames, "updates", () => new JsonObject { [node] = update?.DeepClone() });
                    Add(frames, "values", () => LangGraphJson.Values(At(document, upTo)));
                    Add(frames, "events", () => Event(e, "on_chain_end", node, new JsonObject { ["output"] = update?.DeepClone() }));
                    break;
                }

            case RunEventTypes.NodeCompleted:
                // Already sent: only the frame count matters, and it does not depend on the document.
                Add(frames, "updates", () => null);
                Add(frames, "values", () => null);
                Add(frames, "events", () => null);
                break;
            case RunEventTypes.QuestionsAsked:
                {
                    var interrupt = ThreadView.Interrupt(segment, JsonNode.Parse(root.GetProperty("questions").GetRawText()),
                        root.TryGetProperty("answersDueAt", out var due) && due.ValueKind == JsonValueKind.String ? due.GetDateTimeOffset() : null);
                    Add(frames, "updates", () => new JsonObject { ["__interrupt__"] = new JsonArray(interrupt.DeepClone()) });
                    if (modes.Contains("values") && !skipped)
                    {
                        var (document, ready) = await DocumentAsync(_lastWrite, ct);
                        if (!ready)
                        {
                            return (null, false);
                        }

                        var values = LangGraphJson.Values(At(document, document is null ? 0 : WriteIndex(document, _lastWrite) + 1));
                        values["__interrupt__"] = new JsonArray(interrupt.DeepClone());
                        frames.Add(new LangGraphFrame("", "values", values));
                    }
                    else
                    {
                        Add(frames, "values", () => null);
                    }

                    Add(frames, "events", () => Event(e, "on_custom_event", e.Type, JsonNode.Parse(e.DataJson)));
                    return (frames, true);
                }

            case RunEventTypes.Finished:
                {
                    var status = Text(root, "status");
                    if (status == RunStatuses.Failed)
                    {
                        // Sent whatever the stream modes, as a LangGraph server reports a failed run.
                        frames.Add(new LangGraphFrame("", "error", new JsonObject
                        {
                            ["error"] = root.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : "workflow_error",
                            ["message"] = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : "the run failed",
                        }));
                    }
                    else if (status != RunStatuses.Cancelled && modes.Contains("values"))
                    {
                        frames.Add(new LangGraphFrame("", "values", skipped ? null : LangGraphJson.Values(await LatestDocumentAsync(ct))));
                    }

                    Add(frames, "events", () => Event(e, "on_custom_event", e.Type, JsonNode.Parse(e.DataJson)));
                    return (frames, true);
                }

            default:
                Add(frames, "events", () => Event(e, "on_custom_event", e.Type, JsonNode.Parse(e.DataJson)));
                break;
        }

        return (frames, false);
    }

    private void Add(List<LangGraphFrame> frames, string mode, Func<JsonNode?> data)
    {
        if (modes.Contains(mode))
        {
            frames.Add(new LangGraphFrame("", mode, data()));
        }
    }

    /// <summary>
    /// The run's document if it holds <paramref name="write"/> (ready), read again when the cached copy does not. The
    /// store's copy is saved at the end of each superstep, a moment after the node's events, so it may not hold the
    /// write yet (not ready: ask again). A run that is no longer executing has its final document saved; that one is
    /// used as it is.
    /// </summary>
    private async Task<(DesignDocument? Document, bool Ready)> DocumentAsync((string Section, int Revision)? write, CancellationToken ct)
    {
        if (_document is not null && (write is null || WriteIndex(_document, write) >= 0))
        {
            return (_document, true);
        }

        var run = await runs.GetWithContentAsync(ownerId, segment.RunId, ct);
        _document = run?.DocumentJson is { } json ? JsonSerializer.Deserialize<DesignDocument>(json, DocumentJson.Options) : null;
        var holds = write is null || (_document is not null && WriteIndex(_document, write) >= 0);
        return (_document, holds || run is null || run.Status is not (RunStatuses.Running or RunStatuses.Queued));
    }

    /// <summary>The document as stored now (at the end of a run, its final state).</summary>
    private async Task<DesignDocument?> LatestDocumentAsync(CancellationToken ct)
    {
        _document = null;
        return (await DocumentAsync(null, ct)).Document;
    }

    /// <summary>The document after its first <paramref name="count"/> section writes (read later, the stored one may be further on).</summary>
    private static DesignDocument? At(DesignDocument? document, int count) =>
        document is null || count >= document.History.Count ? document : document.AtRevision(count);

    /// <summary>Where a section write is in the document's history; the whole history when it is not there.</summary>
    private static int WriteIndex(DesignDocument document, (string Section, int Revision)? write) =>
        write is { } w ? document.History.FindLastIndex(h => h.Section == w.Section && h.Revision == w.Revision) : document.History.Count - 1;

    /// <summary>A node's writes as LangGraph's <c>updates</c> show them: each section it wrote, as it wrote it; null when it wrote none.</summary>
    private static JsonObject? Update(DesignDocument? document, int upTo, JsonElement completed)
    {
        if (document is null || !completed.TryGetProperty("sections", out var sections) || sections.ValueKind != JsonValueKind.Array || sections.GetArrayLength() == 0)
        {
            return null;
        }

        var update = new JsonObject();
        foreach (var section in sections.EnumerateArray().Select(s => s.GetString()!))
        {
            var index = upTo > 0 ? document.History.FindLastIndex(upTo - 1, upTo, h => h.Section == section) : -1;
            update[section] = index >= 0 ? JsonSerializer.SerializeToNode(document.History[index].Content) : null;
        }

        return update;
    }

    /// <summary>An <c>events</c> frame in the shape of LangChain's <c>streamEvents</c> v2.</summary>
    private JsonObject Event(RunEventRecord e, string kind, string name, JsonNode? data) => new()
    {
        ["event"] = kind,
        ["name"] = name,
        ["run_id"] = segment.Id,
        ["tags"] = new JsonArray(),
        ["metadata"] = new JsonObject
        {
            ["thread_id"] = segment.ThreadId,
            ["langgraph_node"] = kind == "on_custom_event" ? null : name,
            ["architect_event"] = e.Type,
            ["created_at"] = LangGraphJson.Time(e.CreatedAt),
        },
        ["data"] = data,
        ["parent_ids"] = new JsonArray(),
    };

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
