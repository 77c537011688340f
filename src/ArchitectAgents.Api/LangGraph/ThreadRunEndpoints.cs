using System.Text.Json.Nodes;
using ArchitectAgents.Api.Auth;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Api.Runs;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Threads;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Api.LangGraph;

/// <summary><c>/threads/{id}/runs</c>: create (plain, streamed or waited for), read, list, join, rejoin the stream of, and cancel LangGraph runs.</summary>
internal static class ThreadRunEndpoints
{
    private static readonly string[] StatusValues = ["pending", "running", "error", "success", "timeout", "interrupted"];

    public static void MapThreadRuns(this RouteGroupBuilder group)
    {
        group.MapPost("/threads/{threadId}/runs", CreateAsync);
        group.MapPost("/threads/{threadId}/runs/stream", CreateStreamAsync);
        group.MapPost("/threads/{threadId}/runs/wait", CreateWaitAsync);
        group.MapGet("/threads/{threadId}/runs", ListAsync);
        group.MapGet("/threads/{threadId}/runs/{runId}", GetAsync);
        group.MapGet("/threads/{threadId}/runs/{runId}/join", JoinAsync);
        group.MapGet("/threads/{threadId}/runs/{runId}/stream", JoinStreamAsync);
        group.MapPost("/threads/{threadId}/runs/{runId}/cancel", CancelAsync);
    }

    internal static async Task<IResult> CreateAsync(HttpContext http, string threadId, LangGraphRuns langGraph, RunService runs, ThreadStore threads, IOptions<RunStoreOptions> options, CancellationToken ct)
    {
        var (segment, problem) = await StartAsync(http, threadId, langGraph, options.Value, ct);
        if (segment is null)
        {
            return problem!;
        }

        SetContentLocation(http, segment);
        return await RunJsonAsync(http.Owner(), segment, runs, threads, ct) is { } json ? Json(json) : NotFound(segment.Id);
    }

    internal static async Task CreateStreamAsync(HttpContext http, string threadId, LangGraphRuns langGraph, RunService runs, RunSignals signals, IOptions<RunStoreOptions> options, CancellationToken ct)
    {
        var (segment, problem) = await StartAsync(http, threadId, langGraph, options.Value, ct);
        if (segment is null)
        {
            await problem!.ExecuteAsync(http);
            return;
        }

        await LangGraphStream.WriteAsync(http, Reader(http, segment, runs, signals, options.Value, null), null, threadId, segment.Id, ct);
    }

    internal static async Task<IResult> CreateWaitAsync(HttpContext http, string threadId, LangGraphRuns langGraph, RunService runs, RunSignals signals, IOptions<RunStoreOptions> options, CancellationToken ct)
    {
        var (segment, problem) = await StartAsync(http, threadId, langGraph, options.Value, ct);
        if (segment is null)
        {
            return problem!;
        }

        SetContentLocation(http, segment);
        return Json(await Reader(http, segment, runs, signals, options.Value, ["values"]).ResultAsync(ct));
    }

    internal static async Task<IResult> ListAsync(HttpContext http, string threadId, string? limit, string? offset, string? status, ThreadStore threads, RunService runs, CancellationToken ct)
    {
        var (size, skip, pageError) = LangGraphPaging.Read(limit, offset);
        if (pageError is { } error)
        {
            return Problems.Field(error.Field, error.Error);
        }

        if (status is not null && !StatusValues.Contains(status, StringComparer.Ordinal))
        {
            return Problems.Field("status", $"must be one of {string.Join(", ", StatusValues)}");
        }

        var owner = http.Owner();
        if (await threads.GetAsync(owner, threadId, ct) is null)
        {
            return LangGraphRuns.ThreadNotFound(threadId);
        }

        var threadRuns = await threads.RunsAsync(owner, threadId, ct);
        var serviceRuns = new Dictionary<string, RunRecord?>(StringComparer.Ordinal);
        var items = new JsonArray();
        foreach (var segment in threadRuns)
        {
            if (!serviceRuns.TryGetValue(segment.RunId, out var run))
            {
                serviceRuns[segment.RunId] = run = await runs.GetAsync(owner, segment.RunId, ct);
            }

            if (run is not null && LangGraphRunView.ToJson(segment, LangGraphRunView.IsLatest(segment, threadRuns), run) is var json
                && (status is null || json["status"]!.GetValue<string>() == status))
            {
                items.Add(json);
            }
        }

        return Json(new JsonArray([.. items.Skip(skip).Take(size).Select(i => i!.DeepClone())]));
    }

    internal static async Task<IResult> GetAsync(HttpContext http, string threadId, string runId, ThreadStore threads, RunService runs, CancellationToken ct) =>
        await threads.GetRunAsync(http.Owner(), threadId, runId, ct) is { } segment && await RunJsonAsync(http.Owner(), segment, runs, threads, ct) is { } json
            ? Json(json)
            : NotFound(runId);

    internal static async Task<IResult> JoinAsync(HttpContext http, string threadId, string runId, ThreadStore threads, RunService runs, RunSignals signals, IOptions<RunStoreOptions> options, CancellationToken ct) =>
        await threads.GetRunAsync(http.Owner(), threadId, runId, ct) is { } segment
            ? Json(await Reader(http, segment, runs, signals, options.Value, ["values"]).ResultAsync(ct))
            : NotFound(runId);

    /// <summary>Rejoins a run's stream; with <c>Last-Event-ID</c>, only the frames after that one.</summary>
    internal static async Task JoinStreamAsync(HttpContext http, string threadId, string runId, ThreadStore threads, RunService runs, RunSignals signals, IOptions<RunStoreOptions> options, CancellationToken ct)
    {
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } header ? header : null;
        if (lastEventId is not null && !SegmentReader.TryParseEventId(lastEventId, out _, out _))
        {
            await Problems.Field("Last-Event-ID", "must be an event id from this stream (for example 42-1)").ExecuteAsync(http);
            return;
        }

        List<string>? modes = null;
        if (http.Request.Query["stream_mode"] is { Count: > 0 } given)
        {
            (modes, var error) = LangGraphRunRequest.ValidModes([.. given.OfType<string>()]);
            if (modes is null)
            {
                await Problems.Field("stream_mode", error!).ExecuteAsync(http);
                return;
            }
        }

        if (await threads.GetRunAsync(http.Owner(), threadId, runId, ct) is not { } segment)
        {
            await NotFound(runId).ExecuteAsync(http);
            return;
        }

        await LangGraphStream.WriteAsync(http, Reader(http, segment, runs, signals, options.Value, modes), lastEventId, threadId, segment.Id, ct);
    }

    internal static async Task<IResult> CancelAsync(HttpContext http, string threadId, string runId, string? wait, string? action, ThreadStore threads, RunService runs, RunSignals signals, IOptions<RunStoreOptions> options, LangGraphRuns langGraph, CancellationToken ct)
    {
        if (wait is not (null or "" or "0" or "1" or "true" or "false"))
        {
            return Problems.Field("wait", "must be 0, 1, true or false");
        }

        if (action is not (null or "" or "interrupt"))
        {
            return Problems.Field("action", "only \"interrupt\" is offered: a cancelled design keeps what it wrote");
        }

        var owner = http.Owner();
        if (await threads.GetRunAsync(owner, threadId, runId, ct) is not { } segment)
        {
            return NotFound(runId);
        }

        var latest = LangGraphRunView.IsLatest(segment, await threads.RunsAsync(owner, threadId, ct));
        if (await langGraph.CancelAsync(owner, segment, latest, ct) is { } refused)
        {
            return refused;
        }

        if (wait is "1" or "true")
        {
            // Until the cancelled run has stopped: its feed ends when the run reaches its final state.
            await foreach (var _ in RunEventFeed.ReadAsync(runs, signals, RunEventFeed.PollInterval(options.Value), owner, segment.RunId, await threads.LastEventIdAsync(segment.RunId, ct), ct))
            {
            }

            return TypedResults.NoContent();
        }

        return TypedResults.Accepted((string?)null);
    }

    private static async Task<(ThreadRunRecord? Run, IResult? Problem)> StartAsync(HttpContext http, string threadId, LangGraphRuns langGraph, RunStoreOptions options, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync(http, ct);
        if (body is null)
        {
            return (null, problem);
        }

        LangGraphRunRequest? request;
        using (body)
        {
            (request, var field, var error) = LangGraphRunRequest.Parse(body.RootElement, options.MaxBriefBytes);
            if (request is null)
            {
                var status = field is "input.brief" && error!.Contains("limit", StringComparison.Ordinal) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                return (null, Problems.Field(field!, error!, status));
            }
        }

        return await langGraph.StartAsync(http, threadId, request, ct);
    }

    private static SegmentReader Reader(HttpContext http, ThreadRunRecord segment, RunService runs, RunSignals signals, RunStoreOptions options, IReadOnlyCollection<string>? modes) =>
        new(runs, signals, RunEventFeed.PollInterval(options), http.Owner(), segment, modes ?? segment.StreamModes.Split(',', StringSplitOptions.RemoveEmptyEntries));

    private static async Task<JsonObject?> RunJsonAsync(string owner, ThreadRunRecord segment, RunService runs, ThreadStore threads, CancellationToken ct)
    {
        if (await runs.GetAsync(owner, segment.RunId, ct) is not { } run)
        {
            return null;
        }

        var latest = LangGraphRunView.IsLatest(segment, await threads.RunsAsync(owner, segment.ThreadId, ct));
        return LangGraphRunView.ToJson(segment, latest, run);
    }

    private static void SetContentLocation(HttpContext http, ThreadRunRecord segment) =>
        http.Response.Headers.ContentLocation = $"{http.Request.PathBase}{LangGraphRegistration.Prefix}/threads/{segment.ThreadId}/runs/{segment.Id}";

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string runId) =>
        Problems.Status(StatusCodes.Status404NotFound, "Run not found", $"No run '{runId}' on this thread is visible to this caller.");

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Json(JsonNode node) => TypedResults.Content(LangGraphJson.Serialize(node), "application/json");
}
