using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Api.Auth;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Api.OpenApi;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Rendering;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Models;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Requests;
using ArchitectAgents.Runs.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Api.Runs;

/// <summary>The <c>/v1/runs</c> endpoints.</summary>
internal static class RunEndpoints
{
    /// <summary>The fields of an answers body; <see cref="AnswersBody"/> documents the same ones (a test compares them).</summary>
    internal static readonly string[] AnswerFields = ["answers"];

    /// <summary>The fields of a resume body; <see cref="ResumeBody"/> documents the same ones.</summary>
    internal static readonly string[] ResumeFields = ["budget"];

    public static RouteGroupBuilder MapRuns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/runs").WithTags("runs").RequireAuthorization().RequireRateLimiting(ApiInfrastructure.RateLimitPolicy);
        group.MapPost("/", CreateAsync).WithName("createRun").WithSummary("Start a design run (202 + Location); honours Idempotency-Key.")
            // The handler parses the body itself (CreateRunRequest.Parse); these describe it for the document only.
            .DocumentsJsonBody<CreateRunBody>().WithRequestExample(CreateRunBody.Example)
            .WithRequestHeader("Idempotency-Key",
                "Makes a retry safe: a second request with the same key and the same body answers the first run (with Idempotent-Replayed: true) instead of starting another; the same key with a different body is 409. At most 200 characters, given once.",
                maxLength: 200)
            .WithResponseHeader(StatusCodes.Status202Accepted, "Location", "The run's URL, /v1/runs/{id}.")
            .WithResponseHeader(StatusCodes.Status202Accepted, "Idempotent-Replayed", "\"true\" when this answers an earlier request with the same Idempotency-Key.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", ListAsync).WithName("listRuns").WithSummary("The caller's runs, newest first, with status/time filters and cursor pagination.")
            .WithParameterDescription("status", $"Only runs in this status: {string.Join(", ", RunStatuses.All)}.")
            .WithParameterDescription("createdAfter", "Only runs created after this ISO 8601 date-time, for example 2026-11-24T10:00:00Z.")
            .WithParameterDescription("createdBefore", "Only runs created before this ISO 8601 date-time.")
            .WithParameterDescription("limit", "Page size, 1 to 100 (default 20).")
            .WithParameterDescription("cursor", "The nextCursor of the previous page.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/{id}", GetAsync).WithName("getRun").WithSummary("One run.").ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/events", RunEventStream.StreamAsync).WithName("streamRunEvents").WithSummary("Server-Sent Events; resume with Last-Event-ID.")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .WithResponseDescription(StatusCodes.Status200OK, "The run's events as they are stored, each with id:, event: and data: (JSON) lines, then event: end once the run has ended; comment lines keep the connection alive.")
            .WithRequestHeader("Last-Event-ID", "Resume after this event id (the id: field of the last event received); EventSource sends it on reconnect. Wins over the lastEventId query parameter.")
            .WithParameterDescription("lastEventId", "Resume after this event id, for clients that cannot set the Last-Event-ID header; ignored when the header is sent.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("/{id}/questions", QuestionsAsync).WithName("getRunQuestions").WithSummary("Clarifying questions waiting for answers.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/answers", AnswerAsync).WithName("answerRunQuestions").WithSummary("Answer the questions; the run resumes from its checkpoint.")
            .DocumentsJsonBody<AnswersBody>().WithRequestExample(AnswersBody.Example)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{id}/resume", ResumeAsync).WithName("resumeRun").WithSummary("Continue a failed run from its last checkpoint, optionally with a new budget.")
            .DocumentsJsonBody<ResumeBody>(required: false).WithRequestExample(ResumeBody.Example)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{id}/cancel", CancelAsync).WithName("cancelRun").WithSummary("Cancel a run.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapGet("/{id}/document", DocumentAsync).WithName("getRunDocument").WithSummary("The design document (?revision=N for an earlier state).")
            .Produces<DesignDocument>(StatusCodes.Status200OK, "application/json")
            .WithParameterDescription("revision", "Show the document as it stood after its first N section writes (1 to the number of revisions).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("/{id}/document/revisions", RevisionsAsync).WithName("listRunDocumentRevisions").WithSummary("Every section write, in order.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/deliverables", DeliverablesAsync).WithName("listRunDeliverables").WithSummary("The deliverable files.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/deliverables/{name}", DeliverableAsync).WithName("getRunDeliverable").WithSummary("One deliverable file.")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "text/vnd.mermaid", "application/yaml", "application/sql", "application/json", "text/plain")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/deliverables.zip", ZipAsync).WithName("getRunDeliverablesZip").WithSummary("All deliverables as a zip.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return group;
    }

    internal static async Task<Results<Accepted<RunResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext http, RunService runs, DefinitionSet definitions, ModelCatalog models, IOptions<RunStoreOptions> options, Webhooks.CallbackUrlValidator callbacks, CancellationToken ct)
    {
        var (parsed, problem) = await JsonBody.ReadAsync(http, ct);
        if (parsed is null)
        {
            return problem!;
        }

        CreateRunRequest? request;
        string bodyHash;
        using (parsed)
        {
            (request, var field, var error) = CreateRunRequest.Parse(parsed.RootElement, options.Value.MaxBriefBytes);
            if (request is null)
            {
                var status = field == "brief" && RunRequestCheck.IsSizeProblem(error!) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                return Problems.Field(field!, error!, status);
            }

            // The idempotency hash is over the normalised JSON (an object, checked above), so whitespace does not make a replay a conflict.
            bodyHash = RunService.Hash(JsonNode.Parse(parsed.RootElement.GetRawText())!.ToJsonString());
        }

        var (workflow, refused) = RunRequestCheck.Options(definitions, models, request.Workflow, request.Models);
        if (refused is not null)
        {
            return refused.Configuration ? Problems.Configuration(refused.Field, refused.Error) : Problems.Field(refused.Field, refused.Error);
        }

        // Resolved and checked now, so a callback to a private or metadata address is refused before anything is stored.
        if (request.CallbackUrl is { } callbackUrl && await callbacks.ValidateAsync(callbackUrl, ct) is { } callbackRefused)
        {
            return Problems.Field("callbackUrl", callbackRefused);
        }

        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200)
        {
            return Problems.Field("Idempotency-Key", "must be at most 200 characters");
        }

        if (http.Request.Headers["Idempotency-Key"].Count > 1)
        {
            return Problems.Field("Idempotency-Key", "must be given once");
        }

        var (outcome, run) = await runs.CreateAsync(new CreateRunCommand(
            http.Owner(), request.Brief, workflow, request.Interactive, request.QuestionTimeoutSeconds, request.CallbackUrl, request.Attachments,
            key.Length == 0 ? null : key, bodyHash, "api", http.User.Identity?.Name, request.Budget, request.Models), ct);
        if (outcome == CreateOutcome.KeyConflict)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Idempotency-Key reused",
                $"Idempotency-Key '{key}' was already used for run {run.Id} with a different body; use a new key for a new request.");
        }

        if (outcome == CreateOutcome.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Accepted($"/v1/runs/{run.Id}", RunResponse.From(run));
    }

    internal static async Task<Results<Ok<RunPage>, ProblemHttpResult>> ListAsync(
        HttpContext http, RunService runs, string? status, string? createdAfter, string? createdBefore, string? limit, string? cursor, CancellationToken ct)
    {
        if (!Query.TryTime(createdAfter, out var after))
        {
            return Problems.Field("createdAfter", "must be an ISO 8601 date-time, for example 2026-11-24T10:00:00Z");
        }

        if (!Query.TryTime(createdBefore, out var before))
        {
            return Problems.Field("createdBefore", "must be an ISO 8601 date-time, for example 2026-11-24T10:00:00Z");
        }

        if (!Query.TryInt(limit, out var size) || size is < 1 or > 100)
        {
            return Problems.Field("limit", "must be a whole number between 1 and 100");
        }

        if (status is not null && !RunStatuses.All.Contains(status))
        {
            return Problems.Field("status", $"must be one of {string.Join(", ", RunStatuses.All)}");
        }

        if (!RunCursor.IsValid(cursor))
        {
            return Problems.Field("cursor", "is not a cursor returned by this endpoint");
        }

        var (items, next) = await runs.ListAsync(http.Owner(), status, after, before, size ?? 20, cursor, ct);
        return TypedResults.Ok(new RunPage([.. items.Select(RunResponse.From)], next));
    }

    internal static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetAsync(HttpContext http, string id, RunService runs, CancellationToken ct) =>
        await runs.GetAsync(http.Owner(), id, ct) is { } run ? TypedResults.Ok(RunResponse.From(run)) : NotFound(id);

    internal static async Task<Results<Ok<QuestionsResponse>, ProblemHttpResult>> QuestionsAsync(HttpContext http, string id, RunService runs, CancellationToken ct)
    {
        if (await runs.GetAsync(http.Owner(), id, ct) is not { } run)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(new QuestionsResponse(run.Status, RunAnswerCheck.Pending(run), run.Status == RunStatuses.AwaitingInput ? run.AnswersDueAt : null));
    }

    internal static async Task<Results<Accepted<RunResponse>, ProblemHttpResult>> AnswerAsync(HttpContext http, string id, RunService runs, CancellationToken ct)
    {
        if (await runs.GetAsync(http.Owner(), id, ct) is not { } run)
        {
            return NotFound(id);
        }

        var (body, problem) = await JsonBody.ReadAsync(http, ct);
        if (body is null)
        {
            return problem!;
        }

        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.Field("body", "must be a JSON object such as {\"answers\": {\"q1\": \"...\"}}");
            }

            if (CreateRunRequest.UnknownField(body.RootElement, AnswerFields, "", [], "") is { } unknown)
            {
                return Problems.Field(unknown.Field, unknown.Error);
            }

            if (!body.RootElement.TryGetProperty("answers", out var answersElement) || answersElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.Field("answers", "is required: an object mapping question ids to answer text");
            }

            if (run.Status != RunStatuses.AwaitingInput)
            {
                return Problems.Status(StatusCodes.Status409Conflict, "Run is not waiting for answers", $"Run {id} is {run.Status}; answers are accepted only while it is awaiting_input.");
            }

            var (answers, field, error) = RunAnswers.Parse(answersElement, RunAnswerCheck.Pending(run), "answers");
            if (answers is null)
            {
                return Problems.Field(field!, error!);
            }

            if (!await runs.AnswerAsync(http.Owner(), id, answers, ct))
            {
                return Problems.Status(StatusCodes.Status409Conflict, "Run is not waiting for answers", $"Run {id} stopped waiting before the answers arrived.");
            }
        }

        return TypedResults.Accepted($"/v1/runs/{id}", RunResponse.From((await runs.GetAsync(http.Owner(), id, ct))!));
    }

    internal static async Task<Results<Accepted<RunResponse>, ProblemHttpResult>> ResumeAsync(HttpContext http, string id, RunService runs, CancellationToken ct)
    {
        if (await runs.GetAsync(http.Owner(), id, ct) is not { } run)
        {
            return NotFound(id);
        }

        RunBudget? budget = null;
        if (JsonBody.IsPresent(http.Request))
        {
            var (body, problem) = await JsonBody.ReadAsync(http, ct);
            if (body is null)
            {
                return problem!;
            }

            using (body)
            {
                if (body.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return Problems.Field("body", "must be a JSON object such as {\"budget\": {\"maxTokens\": 500000}}");
                }

                // As on creation, a field this endpoint does not know is refused: {"maxTokens": n} must not mean "no new budget".
                if (CreateRunRequest.UnknownField(body.RootElement, ResumeFields, "", CreateRunRequest.BudgetFields, "budget.") is { } unknown)
                {
                    return Problems.Field(unknown.Field, unknown.Error);
                }

                if (body.RootElement.TryGetProperty("budget", out var b) && b.ValueKind != JsonValueKind.Null)
                {
                    var (parsed, field, error) = CreateRunRequest.ParseBudget(b, "budget");
                    if (parsed is null)
                    {
                        return Problems.Field(field!, error!);
                    }

                    budget = parsed;
                }
            }
        }

        if (budget is not null && ResumeBudget.BelowSpent(budget, run) is { } belowSpent)
        {
            return Problems.Field(belowSpent.Field, belowSpent.Error);
        }

        if (!await runs.ResumeAsync(http.Owner(), id, budget, ct))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Run cannot be resumed", $"Run {id} is {run.Status}; only failed runs can be resumed.");
        }

        return TypedResults.Accepted($"/v1/runs/{id}", RunResponse.From((await runs.GetAsync(http.Owner(), id, ct))!));
    }

    internal static async Task<Results<Accepted<RunResponse>, ProblemHttpResult>> CancelAsync(HttpContext http, string id, RunService runs, CancellationToken ct)
    {
        if (await runs.GetAsync(http.Owner(), id, ct) is not { } run)
        {
            return NotFound(id);
        }

        if (!await runs.CancelAsync(http.Owner(), id, ct))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Run already ended", $"Run {id} is {run.Status}; it can no longer be cancelled.");
        }

        return TypedResults.Accepted($"/v1/runs/{id}", RunResponse.From((await runs.GetAsync(http.Owner(), id, ct))!));
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> DocumentAsync(HttpContext http, string id, string? revision, RunDeliverables deliverables, CancellationToken ct)
    {
        if (!Query.TryInt(revision, out var wanted))
        {
            return Problems.Field("revision", "must be a whole number");
        }

        if (await deliverables.DocumentAsync(http.Owner(), id, ct) is not { } doc)
        {
            return NotFound(id, "has no document yet");
        }

        if (wanted is { } n)
        {
            if (n < 1 || n > doc.History.Count)
            {
                return Problems.Field("revision", $"must be between 1 and {doc.History.Count}");
            }

            doc = doc.AtRevision(n);
        }

        return TypedResults.Content(DocumentJson.Serialize(doc, indented: true), "application/json");
    }

    internal static async Task<Results<Ok<List<RevisionResponse>>, ProblemHttpResult>> RevisionsAsync(HttpContext http, string id, RunDeliverables deliverables, CancellationToken ct) =>
        await deliverables.DocumentAsync(http.Owner(), id, ct) is { } doc
            ? TypedResults.Ok(doc.History.Select((h, i) => new RevisionResponse(i + 1, h.Section, h.Revision, h.Author, h.Round, h.UpdatedAt, h.Changed)).ToList())
            : NotFound(id, "has no document yet");

    internal static async Task<Results<Ok<List<DeliverableFile>>, ProblemHttpResult>> DeliverablesAsync(HttpContext http, string id, RunDeliverables deliverables, CancellationToken ct)
    {
        if (await deliverables.RenderAsync(http.Owner(), id, ct) is not { } files)
        {
            return NotFound(id, "has no deliverables (it has not completed)");
        }

        return TypedResults.Ok(files.Select(f => new DeliverableFile(f.Key, Encoding.UTF8.GetByteCount(f.Value), $"/v1/runs/{id}/deliverables/{f.Key}")).ToList());
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> DeliverableAsync(HttpContext http, string id, string name, RunDeliverables deliverables, CancellationToken ct)
    {
        if (await deliverables.RenderAsync(http.Owner(), id, ct) is not { } files)
        {
            return NotFound(id, "has no deliverables (it has not completed)");
        }

        return files.TryGetValue(name, out var content)
            ? TypedResults.Content(content, RunDeliverables.ContentType(name), Encoding.UTF8)
            : Problems.Status(StatusCodes.Status404NotFound, "No such deliverable", $"'{name}' is not one of {string.Join(", ", files.Keys)}.");
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ZipAsync(HttpContext http, string id, RunDeliverables deliverables, CancellationToken ct)
    {
        if (await deliverables.RenderAsync(http.Owner(), id, ct) is not { } files)
        {
            return NotFound(id, "has no deliverables (it has not completed)");
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                await using var stream = entry.Open();
                await stream.WriteAsync(Encoding.UTF8.GetBytes(content), ct);
            }
        }

        return TypedResults.File(buffer.ToArray(), "application/zip", $"{id}-deliverables.zip");
    }

    private static ProblemHttpResult NotFound(string id, string? why = null) =>
        Problems.Status(StatusCodes.Status404NotFound, "Run not found", why is null ? $"No run '{id}' is visible to this caller." : $"Run '{id}' {why}.");
}
