using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Api.Auth;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Api.Runs;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Threads;

namespace ArchitectAgents.Api.LangGraph;

/// <summary><c>/threads</c>: create and read threads, their state (the design document) and its history (the document at each revision).</summary>
internal static class ThreadEndpoints
{
    private static readonly string[] CreateFields = ["thread_id", "metadata", "if_exists", "supersteps", "ttl", "graph_id"];

    private static readonly string[] HistoryFields = ["limit", "before", "metadata", "checkpoint", "select"];

    private static readonly string[] CheckpointFields = ["checkpoint", "subgraphs", "select"];

    public static void MapThreads(this RouteGroupBuilder group)
    {
        group.MapPost("/threads", CreateAsync);
        group.MapGet("/threads/{threadId}", GetAsync);
        group.MapGet("/threads/{threadId}/state", StateAsync);
        group.MapGet("/threads/{threadId}/state/{checkpointId}", CheckpointStateAsync);
        group.MapPost("/threads/{threadId}/state/checkpoint", CheckpointBodyStateAsync);
        group.MapPost("/threads/{threadId}/history", HistoryAsync);
    }

    internal static async Task<IResult> CreateAsync(HttpContext http, ThreadStore threads, RunService runs, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync(http, ct);
        if (body is null)
        {
            return problem!;
        }

        string threadId;
        string metadata = "{}";
        var ifExists = "raise";
        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problems.Field("body", "must be a JSON object");
            }

            if (CreateRunRequest.UnknownField(root, CreateFields, "", [], "") is { } unknown)
            {
                return Problems.Field(unknown.Field, unknown.Error);
            }

            foreach (var name in new[] { "supersteps", "ttl" })
            {
                if (root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null)
                {
                    return Problems.Field(name, "is not offered by this service");
                }
            }

            threadId = Guid.CreateVersion7().ToString();
            if (root.TryGetProperty("thread_id", out var id) && id.ValueKind != JsonValueKind.Null)
            {
                if (id.ValueKind != JsonValueKind.String || !Guid.TryParse(id.GetString(), out var parsed))
                {
                    return Problems.Field("thread_id", "must be a UUID");
                }

                threadId = parsed.ToString();
            }

            if (root.TryGetProperty("metadata", out var m) && m.ValueKind != JsonValueKind.Null)
            {
                if (m.ValueKind != JsonValueKind.Object)
                {
                    return Problems.Field("metadata", "must be an object");
                }

                metadata = m.GetRawText();
            }

            if (root.TryGetProperty("if_exists", out var e) && e.ValueKind != JsonValueKind.Null)
            {
                if (e.ValueKind != JsonValueKind.String || e.GetString() is not ("raise" or "do_nothing"))
                {
                    return Problems.Field("if_exists", "must be \"raise\" or \"do_nothing\"");
                }

                ifExists = e.GetString()!;
            }
        }

        var (created, existing) = await threads.CreateAsync(http.Owner(), threadId, metadata, ct);
        if (!created && !(existing is not null && ifExists == "do_nothing"))
        {
            return Problems.Field("thread_id", $"thread '{threadId}' already exists", StatusCodes.Status409Conflict);
        }

        return await GetAsync(http, threadId, threads, runs, ct);
    }

    internal static async Task<IResult> GetAsync(HttpContext http, string threadId, ThreadStore threads, RunService runs, CancellationToken ct) =>
        await ThreadSnapshot.LoadAsync(threads, runs, http.Owner(), threadId, ct) is { } thread
            ? Json(ThreadView.Thread(thread.Thread, thread.Latest, thread.LatestRun, thread.Document))
            : LangGraphRuns.ThreadNotFound(threadId);

    internal static async Task<IResult> StateAsync(HttpContext http, string threadId, ThreadStore threads, RunService runs, DefinitionSet definitions, CancellationToken ct)
    {
        if (await ThreadSnapshot.LoadAsync(threads, runs, http.Owner(), threadId, ct) is not { } thread)
        {
            return LangGraphRuns.ThreadNotFound(threadId);
        }

        if (thread.LatestRun is not { } run)
        {
            return Json(ThreadView.EmptyState(threadId));
        }

        var document = thread.Document ?? new DesignDocument { RunId = run.Id, Workflow = run.Workflow };
        return Json(ThreadView.State(threadId, run, document, document.History.Count, thread.Latest, InterruptNode(definitions, run.Workflow)));
    }

    internal static Task<IResult> CheckpointStateAsync(HttpContext http, string threadId, string checkpointId, ThreadStore threads, RunService runs, DefinitionSet definitions, CancellationToken ct) =>
        StateAtAsync(http, threadId, checkpointId, "checkpointId", threads, runs, definitions, ct);

    internal static async Task<IResult> CheckpointBodyStateAsync(HttpContext http, string threadId, ThreadStore threads, RunService runs, DefinitionSet definitions, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync(http, ct);
        if (body is null)
        {
            return problem!;
        }

        string? checkpointId;
        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.Field("body", "must be a JSON object such as {\"checkpoint\": {\"checkpoint_id\": \"...\"}}");
            }

            if (CreateRunRequest.UnknownField(body.RootElement, CheckpointFields, "", [], "") is { } unknown)
            {
                return Problems.Field(unknown.Field, unknown.Error);
            }

            checkpointId = body.RootElement.TryGetProperty("checkpoint", out var c) ? CheckpointIdOf(c) : null;
            if (checkpointId is null)
            {
                return Problems.Field("checkpoint.checkpoint_id", "is required: a checkpoint id from the thread's state or history");
            }
        }

        return await StateAtAsync(http, threadId, checkpointId, "checkpoint.checkpoint_id", threads, runs, definitions, ct);
    }

    /// <summary>The states of the thread's runs, newest first: one per section write, each the document after it.</summary>
    internal static async Task<IResult> HistoryAsync(HttpContext http, string threadId, ThreadStore threads, RunService runs, DefinitionSet definitions, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync(http, ct);
        if (body is null)
        {
            return problem!;
        }

        int limit;
        string? before = null;
        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problems.Field("body", "must be a JSON object");
            }

            if (CreateRunRequest.UnknownField(root, HistoryFields, "", [], "") is { } unknown)
            {
                return Problems.Field(unknown.Field, unknown.Error);
            }

            (limit, _, var pageError) = LangGraphPaging.Read(root);
            if (pageError is { } error)
            {
                return Problems.Field(error.Field, error.Error);
            }

            if (root.TryGetProperty("before", out var b) && b.ValueKind != JsonValueKind.Null && (before = CheckpointIdOf(b)) is null)
            {
                return Problems.Field("before", "must be a checkpoint id or {\"checkpoint_id\": \"...\"}");
            }

            foreach (var name in new[] { "metadata", "checkpoint" })
            {
                if (root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null && !(v.ValueKind == JsonValueKind.Object && !v.EnumerateObject().Any()))
                {
                    return Problems.Field(name, "filtering history is not offered by this service; page with limit and before");
                }
            }
        }

        var owner = http.Owner();
        if (await ThreadSnapshot.LoadAsync(threads, runs, owner, threadId, ct) is not { } thread)
        {
            return LangGraphRuns.ThreadNotFound(threadId);
        }

        var states = new JsonArray();
        var passedBefore = before is null;
        foreach (var runId in thread.Runs.Select(r => r.RunId).Distinct(StringComparer.Ordinal))
        {
            var run = runId == thread.LatestRun?.Id ? thread.LatestRun : await runs.GetWithContentAsync(owner, runId, ct);
            if (run?.DocumentJson is not { } json || JsonSerializer.Deserialize<DesignDocument>(json, DocumentJson.Options) is not { } document)
            {
                continue;
            }

            for (var count = document.History.Count; count >= 1 && states.Count < limit; count--)
            {
                var id = ThreadView.CheckpointId(run.Id, count);
                if (!passedBefore)
                {
                    passedBefore = id == before;
                    continue;
                }

                var newest = run.Id == thread.LatestRun?.Id && count == document.History.Count;
                states.Add(ThreadView.State(threadId, run, document, count, newest ? thread.Latest : null, InterruptNode(definitions, run.Workflow)));
            }
        }

        return Json(states);
    }

    private static async Task<IResult> StateAtAsync(HttpContext http, string threadId, string checkpointId, string field, ThreadStore threads, RunService runs, DefinitionSet definitions, CancellationToken ct)
    {
        var owner = http.Owner();
        if (await ThreadSnapshot.LoadAsync(threads, runs, owner, threadId, ct) is not { } thread)
        {
            return LangGraphRuns.ThreadNotFound(threadId);
        }

        if (!ThreadView.TryParseCheckpointId(checkpointId, out var runId, out var count) || thread.Runs.All(r => r.RunId != runId))
        {
            return Problems.Field(field, $"'{checkpointId}' is not a checkpoint of thread {threadId}", StatusCodes.Status404NotFound);
        }

        var run = runId == thread.LatestRun?.Id ? thread.LatestRun : await runs.GetWithContentAsync(owner, runId, ct);
        var document = run?.DocumentJson is { } json ? JsonSerializer.Deserialize<DesignDocument>(json, DocumentJson.Options) : null;
        if (run is null || document is null || count > document.History.Count)
        {
            return Problems.Field(field, $"'{checkpointId}' is not a checkpoint of thread {threadId}", StatusCodes.Status404NotFound);
        }

        var newest = run.Id == thread.LatestRun?.Id && count == document.History.Count;
        return Json(ThreadView.State(threadId, run, document, count, newest ? thread.Latest : null, InterruptNode(definitions, run.Workflow)));
    }

    /// <summary>A checkpoint id given as a string, <c>{"checkpoint_id"}</c> or a config's <c>{"configurable": {"checkpoint_id"}}</c>.</summary>
    private static string? CheckpointIdOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Object when element.TryGetProperty("checkpoint_id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
        JsonValueKind.Object when element.TryGetProperty("configurable", out var c) && c.ValueKind == JsonValueKind.Object => CheckpointIdOf(c),
        _ => null,
    };

    private static string InterruptNode(DefinitionSet definitions, string workflow) =>
        ThreadView.InterruptNode(definitions.Workflows.GetValueOrDefault(workflow));

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Json(JsonNode node) => TypedResults.Content(LangGraphJson.Serialize(node), "application/json");
}
