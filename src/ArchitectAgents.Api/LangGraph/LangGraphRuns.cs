using System.Text.Json;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Api.Runs;
using ArchitectAgents.Models;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Requests;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Threads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArchitectAgents.Api.LangGraph;

/// <summary>
/// Starts LangGraph runs on the service's runs: new input queues a run (the LangGraph run is recorded in the same
/// transaction), a resume answers the waiting run's questions and opens a new LangGraph run on the same service run,
/// and a cancel cancels the service run. Nothing here executes anything; the run service's worker does.
/// </summary>
internal sealed class LangGraphRuns(RunService runs, ThreadStore threads, DefinitionSet definitions, ModelCatalog models)
{
    /// <summary>Creates the LangGraph run a request asks for; on refusal the problem to answer with.</summary>
    public async Task<(ThreadRunRecord? Run, ProblemHttpResult? Problem)> StartAsync(HttpContext http, string threadId, LangGraphRunRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        var owner = Auth.Callers.Owner(http);
        if (await ThreadSnapshot.LoadAsync(threads, runs, owner, threadId, ct) is not { } thread)
        {
            return (null, ThreadNotFound(threadId));
        }

        if (LangGraphAssistants.Resolve(definitions, request.AssistantId) is not { } workflow)
        {
            return (null, Problems.Field("assistant_id", $"no assistant '{request.AssistantId}' (assistants: {string.Join(", ", definitions.Workflows.Keys)})", StatusCodes.Status404NotFound));
        }

        if (thread.LatestRun is { Status: RunStatuses.Queued or RunStatuses.Running })
        {
            return (null, Problems.Status(StatusCodes.Status409Conflict, "Thread is busy",
                $"Thread {threadId} is already running run {thread.Latest!.Id}; wait for it (runs.join) or cancel it (runs.cancel)."));
        }

        var segment = new ThreadRunRecord
        {
            Id = Guid.CreateVersion7().ToString(),
            ThreadId = threadId,
            OwnerId = owner,
            AssistantId = LangGraphAssistants.IdOf(workflow.Id),
            StreamModes = string.Join(',', request.StreamModes),
            MetadataJson = request.MetadataJson,
        };
        return request.Resume is { } resume
            ? await ResumeAsync(owner, thread, segment, resume, ct)
            : await CreateAsync(http, owner, thread, segment, workflow, request.Brief!, ct);
    }

    /// <summary>Cancels the service run behind a LangGraph run; on refusal the problem to answer with.</summary>
    public async Task<ProblemHttpResult?> CancelAsync(string ownerId, ThreadRunRecord segment, bool latest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(segment);
        // A run that was resumed has handed the work on; cancelling it must not cancel its successor.
        if (!latest || !await runs.CancelAsync(ownerId, segment.RunId, ct))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Run already ended", $"Run {segment.Id} has ended; it can no longer be cancelled.");
        }

        return null;
    }

    private async Task<(ThreadRunRecord?, ProblemHttpResult?)> CreateAsync(HttpContext http, string owner, ThreadSnapshot thread, ThreadRunRecord segment, Core.Workflows.WorkflowDefinition workflow, string brief, CancellationToken ct)
    {
        if (RunModelCheck.FindUnusable(workflow, definitions, models, null) is { } unusable)
        {
            return (null, Problems.Configuration(unusable.Field, unusable.Error));
        }

        // New input on an interrupted thread starts over, as on a LangGraph server; the run left waiting is cancelled
        // rather than kept waiting for answers nobody will send.
        if (thread.LatestRun is { Status: RunStatuses.AwaitingInput } waiting)
        {
            await runs.CancelAsync(owner, waiting.Id, ct);
        }

        // Interactive, so the context gatherer can ask: its questions are the LangGraph run's interrupt.
        await runs.CreateAsync(new CreateRunCommand(owner, brief, workflow.Id, true, null, null, [], null, RunService.Hash(brief), "langgraph", http.User.Identity?.Name),
            (db, run) =>
            {
                segment.RunId = run.Id;
                threads.Enlist(db, segment);
            }, ct);
        return (segment, null);
    }

    private async Task<(ThreadRunRecord?, ProblemHttpResult?)> ResumeAsync(string owner, ThreadSnapshot thread, ThreadRunRecord segment, JsonElement resume, CancellationToken ct)
    {
        if (thread.Latest is not { } latest || thread.LatestRun is not { Status: RunStatuses.AwaitingInput } waiting)
        {
            return (null, Problems.Status(StatusCodes.Status409Conflict, "Nothing to resume",
                $"Thread {thread.Thread.Id} has no pending interrupt (it is {ThreadView.Status(thread.LatestRun)}); command.resume answers an interrupt."));
        }

        // LangGraph also lets a resume be keyed by interrupt id; the one interrupt here may be addressed that way too.
        var interruptId = ThreadView.InterruptId(latest);
        var prefix = "command.resume";
        if (resume.EnumerateObject().ToList() is [var only] && only.Name == interruptId && only.Value.ValueKind == JsonValueKind.Object)
        {
            resume = only.Value;
            prefix = $"command.resume.{interruptId}";
        }

        var (answers, field, error) = RunAnswers.Parse(resume, RunAnswerCheck.Pending(waiting), prefix);
        if (answers is null)
        {
            return (null, Problems.Field(field!, error!));
        }

        segment.RunId = waiting.Id;
        segment.AssistantId = latest.AssistantId;
        segment.StartEventId = await threads.LastEventIdAsync(waiting.Id, ct);
        await threads.AddAsync(segment, ct);
        if (!await runs.AnswerAsync(owner, waiting.Id, answers, ct))
        {
            await threads.RemoveAsync(segment.Id, ct);
            return (null, Problems.Status(StatusCodes.Status409Conflict, "Nothing to resume", $"Thread {thread.Thread.Id} stopped waiting before the answers arrived."));
        }

        return (segment, null);
    }

    /// <summary>The 404 for a thread that does not exist for the caller.</summary>
    public static ProblemHttpResult ThreadNotFound(string threadId) =>
        Problems.Status(StatusCodes.Status404NotFound, "Thread not found", $"No thread '{threadId}' is visible to this caller.");
}
