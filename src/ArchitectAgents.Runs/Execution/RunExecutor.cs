using System.Diagnostics;
using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Runs.Lifecycle;
using ArchitectAgents.Core.Telemetry;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Telemetry;
using Microsoft.Agents.AI.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ArchitectAgents.Runs.Execution;

/// <summary>
/// Executes one run from the store on the MAF workflow, checkpointing every superstep into the store.
/// A run with a checkpoint resumes from it (after a crash, a restart or answers), so agents that had
/// finished are not run again. Questions park the run as <c>awaiting_input</c> and free the worker.
/// </summary>
public sealed class RunExecutor(
    IDbContextFactory<ArchitectDbContext> factory,
    DefinitionSet definitions,
    WorkflowFactory workflows,
    EfCheckpointStore checkpoints,
    RunJournal journal,
    RunSignals signals,
    RunMetrics metrics,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<RunStoreOptions> options,
    IEnumerable<IRunLifecycleListener> listeners,
    ILogger<RunExecutor> logger)
{
    private readonly IRunLifecycleListener[] _listeners = [.. listeners];

    /// <summary>Runs (or resumes) one claimed run until it finishes, pauses for input, or is cancelled.</summary>
    /// <param name="runId">The run, already marked running by the worker.</param>
    /// <param name="cancel">Cancelled by the owner's cancel request.</param>
    /// <param name="stopping">Cancelled when the node shuts down: the run is put back in the queue.</param>
    public async Task ExecuteAsync(string runId, CancellationToken cancel, CancellationToken stopping)
    {
        RunRecord run;
        await using (var db = await factory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false))
        {
            run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, CancellationToken.None).ConfigureAwait(false);
        }

        var document = run.DocumentJson is null
            ? new DesignDocument { RunId = run.Id, Workflow = run.Workflow }
            : JsonSerializer.Deserialize<DesignDocument>(run.DocumentJson, DocumentJson.Options)!;
        using var span = StartRunSpan(run);
        if (span is { Recorded: true })
        {
            // Stored before any work so the dashboard can link a running run to its trace (only when the trace is kept).
            await using var db = await factory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
            run.TraceId = span.TraceId.ToHexString();
            await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.TraceId, run.TraceId), CancellationToken.None).ConfigureAwait(false);
        }

        var state = new ExecutionState(run, document) { Span = span };
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancel, stopping);
        try
        {
            await RunWorkflowAsync(state, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Graceful shutdown: the last superstep's checkpoint is in the store; put the run back in the queue.
            await FinishAsync(state, RunStatuses.Queued, null, CancellationToken.None).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await FinishAsync(state, RunStatuses.Cancelled, "cancelled by its owner", CancellationToken.None).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Run {RunId} failed: {Error}", runId, ex.Message);
            span?.AddException(ex);
            await FinishAsync(state, RunStatuses.Failed, ex.Message, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        // Cancellation inside an agent surfaces as a workflow error event, not as an exception: check the tokens first.
        if (stopping.IsCancellationRequested && state.Output is null)
        {
            await FinishAsync(state, RunStatuses.Queued, null, CancellationToken.None).ConfigureAwait(false);
        }
        else if (cancel.IsCancellationRequested && state.Output is null)
        {
            await FinishAsync(state, RunStatuses.Cancelled, "cancelled by its owner", CancellationToken.None).ConfigureAwait(false);
        }
        else if (state.Error is not null)
        {
            // A workflow failure surfaces as an event, not an exception: without this line it left no trace in the logs.
            logger.LogError(state.Exception, "Run {RunId} failed at node {Node} ({ErrorCode}): {Error}", runId, state.ErrorNode ?? "(workflow)", state.ErrorCode ?? "workflow_error", state.Error);
            await FinishAsync(state, RunStatuses.Failed, state.Error, CancellationToken.None).ConfigureAwait(false);
        }
        else if (state.Output is { } output)
        {
            state.Document = output;
            var status = output.Gate?.Verdict == GateVerdict.Pass ? RunStatuses.Completed : RunStatuses.CompletedWithIssues;
            await FinishAsync(state, status, null, CancellationToken.None).ConfigureAwait(false);
        }
        else if (state.PendingQuestions is not null)
        {
            await ParkAsync(state).ConfigureAwait(false);
        }
        else
        {
            await FinishAsync(state, RunStatuses.Failed, "the workflow stopped without producing a document", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RunWorkflowAsync(ExecutionState state, CancellationToken ct)
    {
        var run = state.Run;
        if (!definitions.Workflows.TryGetValue(run.Workflow, out var definition))
        {
            state.Error = $"workflow '{run.Workflow}' no longer exists";
            return;
        }

        var workflow = workflows.Build(definition, new RunModelOptions
        {
            Models = run.ModelsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(run.ModelsJson, DocumentJson.Options),
            Budget = run.BudgetJson is null ? null : JsonSerializer.Deserialize<RunBudget>(run.BudgetJson, DocumentJson.Options),
        });
        var manager = CheckpointManager.CreateJson(checkpoints);
        // The newest checkpoint in the store wins: a process can die after MAF stored one and before the run row recorded it.
        var latest = await manager.GetLatestCheckpointAsync(run.Id, ct).ConfigureAwait(false);
        if ((latest?.CheckpointId ?? run.LastCheckpointId) is not null && workflows.Journal is { } nodes
            && await JournaledOutput.FindAsync(nodes, definition, run.Id, ct).ConfigureAwait(false) is { } finished)
        {
            // The output node completed before the stop: nothing is left to execute, only the final status to commit.
            await journal.AppendAsync(run.Id, RunEventTypes.Started, new { attempt = run.Attempts, node = options.Value.NodeId, resumedFrom = latest?.CheckpointId ?? run.LastCheckpointId }, ct).ConfigureAwait(false);
            var output = definition.Nodes.Single(n => n.Kind == Core.Workflows.NodeKind.Output).Id;
            if (!await journal.HasNodeCompletedAsync(run.Id, output, 1, ct).ConfigureAwait(false))
            {
                await journal.AppendAsync(run.Id, RunEventTypes.NodeCompleted, new { node = output, round = 1, outcome = "done", notes = "deliverables assembled", sections = Array.Empty<string>(), durationMs = 0, replayed = true }, ct).ConfigureAwait(false);
            }

            state.Output = finished;
            if (finished.Usage is { } used)
            {
                state.Run.InputTokens = used.InputTokens;
                state.Run.OutputTokens = used.OutputTokens;
                state.Run.CostUsd = used.CostUsd;
            }

            return;
        }

        if ((latest?.CheckpointId ?? run.LastCheckpointId) is null)
        {
            metrics.RunStarted(run.Workflow);
        }

        await journal.AppendAsync(run.Id, RunEventTypes.Started, new { attempt = run.Attempts, node = options.Value.NodeId, resumedFrom = latest?.CheckpointId ?? run.LastCheckpointId }, ct).ConfigureAwait(false);
        StreamingRun streaming = (latest?.CheckpointId ?? run.LastCheckpointId) is { } checkpoint
            ? await InProcessExecution.ResumeStreamingAsync(workflow, new CheckpointInfo(run.Id, checkpoint), manager, ct).ConfigureAwait(false)
            : await InProcessExecution.RunStreamingAsync(workflow, new DesignRunInput
            {
                RunId = run.Id,
                BriefText = run.Brief,
                Source = run.Source,
                Requester = run.Requester,
                Interactive = run.Interactive,
                Attachments = JsonSerializer.Deserialize<List<AttachedDocument>>(run.AttachmentsJson, DocumentJson.Options) ?? [],
            }, manager, run.Id, ct).ConfigureAwait(false);

        await using (streaming.ConfigureAwait(false))
        {
            // The stream ends when the workflow halts; after answering a question it continues, so watch again.
            bool answered;
            do
            {
                answered = false;
                await foreach (var evt in streaming.WatchStreamAsync(blockOnPendingRequest: false, ct).ConfigureAwait(false))
                {
                    if (await HandleAsync(state, streaming, evt, ct).ConfigureAwait(false))
                    {
                        answered = true;
                    }

                    if (state.Error is not null)
                    {
                        return;
                    }
                }
            }
            while (answered && state.Output is null);

            if (streaming.LastCheckpoint is { } last)
            {
                state.Run.LastCheckpointId = last.CheckpointId;
            }
        }
    }

    /// <returns>True when a question was answered and the workflow will continue.</returns>
    private async Task<bool> HandleAsync(ExecutionState state, StreamingRun streaming, WorkflowEvent evt, CancellationToken ct)
    {
        var runId = state.Run.Id;
        switch (evt)
        {
            case SuperStepCompletedEvent step when step.CompletionInfo?.Checkpoint is { } checkpoint:
                state.Run.LastCheckpointId = checkpoint.CheckpointId;
                await SaveProgressAsync(state, ct).ConfigureAwait(false);
                break;
            case SectionWrittenEvent written:
                SectionNames.Set(state.Document, written.Revision.Section, (SectionBase?)written.Revision.Content.Deserialize(SectionNames.TypeOf(written.Revision.Section), DocumentJson.Options));
                state.Document.History.Add(written.Revision);
                if (written.Replayed && !state.ReplaysToAppend.Contains(written.Node ?? ""))
                {
                    // Appended when the node first ran.
                    break;
                }

                await journal.AppendAsync(runId, RunEventTypes.SectionWritten, new
                {
                    section = written.Revision.Section,
                    revision = written.Revision.Revision,
                    author = written.Revision.Author,
                    round = written.Revision.Round,
                    changed = written.Revision.Changed,
                }, ct).ConfigureAwait(false);
                break;
            case NodeReplayedEvent replay:
                // A stop between the node's journal entry and its events lost them: the replay appends them (the completion last, as always).
                if (!await journal.HasNodeCompletedAsync(runId, replay.Node, replay.Round, ct).ConfigureAwait(false))
                {
                    state.ReplaysToAppend.Add(replay.Node);
                }

                break;
            case NodeStartedEvent started:
                state.NodeAgents[started.Node] = started.Agent;
                await journal.AppendAsync(runId, RunEventTypes.NodeStarted, new { node = started.Node, agent = started.Agent, round = started.Round }, ct).ConfigureAwait(false);
                break;
            case NodeCompletedEvent completed:
                if (!completed.Replayed)
                {
                    metrics.NodeCompleted(state.Run.Workflow, completed.Node, state.NodeAgents.GetValueOrDefault(completed.Node), completed.DurationMs);
                }
                else if (!state.ReplaysToAppend.Remove(completed.Node))
                {
                    // A replayed node's completion is in the events already.
                    break;
                }

                await journal.AppendAsync(runId, RunEventTypes.NodeCompleted, new { node = completed.Node, round = completed.Round, outcome = completed.Outcome, notes = completed.Notes, sections = completed.SectionsWritten, durationMs = completed.DurationMs, replayed = completed.Replayed }, ct).ConfigureAwait(false);
                break;
            case UsageRecordedEvent usage:
                state.RecordUsage(usage.Entry);
                if (usage.Replayed && !state.ReplaysToAppend.Contains(usage.Entry.Node ?? ""))
                {
                    // Spent, counted and appended by the execution that did the work.
                    break;
                }

                if (usage.Delta is { } delta && !usage.Replayed)
                {
                    // Counted as it is spent, once: a resumed execution replays finished nodes and adds nothing.
                    metrics.UsageRecorded(delta);
                }

                await journal.AppendAsync(runId, RunEventTypes.Usage, new
                {
                    node = usage.Entry.Node,
                    agent = usage.Entry.Agent,
                    model = usage.Entry.Model,
                    calls = usage.Entry.Calls,
                    inputTokens = usage.Entry.InputTokens,
                    outputTokens = usage.Entry.OutputTokens,
                    costUsd = usage.Entry.CostUsd,
                    run = new { inputTokens = state.Run.InputTokens, outputTokens = state.Run.OutputTokens, costUsd = state.Run.CostUsd },
                }, ct).ConfigureAwait(false);
                break;
            case AgentOutputRepairEvent repair:
                await journal.AppendAsync(runId, RunEventTypes.OutputRepair, new { node = repair.Node, attempt = repair.Attempt, errors = repair.Errors }, ct).ConfigureAwait(false);
                break;
            case ToolCalledEvent tool:
                await journal.AppendAsync(runId, RunEventTypes.ToolCalled, new { node = tool.Node, tool = tool.Tool, arguments = tool.Arguments, result = tool.Result }, ct).ConfigureAwait(false);
                break;
            case AgentOutputRejectedEvent rejected:
                await journal.AppendAsync(runId, RunEventTypes.OutputRejected, new { node = rejected.Node, reason = rejected.Reason }, ct).ConfigureAwait(false);
                break;
            case RequestInfoEvent request when request.Request.TryGetDataAs<ClarificationRequest>(out var questions):
                // MAF re-emits a pending request whenever the stream is watched again; answer each one once.
                if (state.Answered.Contains(request.Request.RequestId))
                {
                    break;
                }

                if (state.Run.AnswersJson is { } answersJson)
                {
                    var answers = JsonSerializer.Deserialize<Dictionary<string, string>>(answersJson, DocumentJson.Options) ?? [];
                    state.Run.AnswersJson = null;
                    state.Run.QuestionsJson = null;
                    state.Run.QuestionRequestId = null;
                    state.Run.AnswersDueAt = null;
                    await streaming.SendResponseAsync(request.Request.CreateResponse(new ClarificationAnswers(answers))).ConfigureAwait(false);
                    state.Answered.Add(request.Request.RequestId);
                    return true;
                }

                state.PendingQuestions = [.. questions.Questions];
                state.Run.QuestionRequestId = request.Request.RequestId;
                break;
            case WorkflowOutputEvent output when output.Is<DesignDocument>(out var document):
                state.Output = document;
                break;
            case ExecutorFailedEvent failed:
                state.ErrorNode ??= failed.ExecutorId;
                state.Exception ??= failed.Data as Exception;
                state.ErrorCode ??= WorkflowErrors.Classify(failed.Data as Exception);
                state.Error ??= WorkflowErrors.Describe(failed.ExecutorId, failed.Data as Exception);
                break;
            case WorkflowErrorEvent error:
                state.Exception ??= error.Data as Exception;
                state.ErrorCode ??= WorkflowErrors.Classify(error.Data as Exception);
                state.Error ??= WorkflowErrors.Describe(null, error.Data as Exception);
                break;
        }

        return false;
    }

    private async Task SaveProgressAsync(ExecutionState state, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await db.Runs.Where(r => r.Id == state.Run.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.LastCheckpointId, state.Run.LastCheckpointId)
            .SetProperty(r => r.DocumentJson, DocumentJson.Serialize(state.Document, false))
            .SetProperty(r => r.AnswersJson, state.Run.AnswersJson)
            .SetProperty(r => r.InputTokens, state.Run.InputTokens)
            .SetProperty(r => r.OutputTokens, state.Run.OutputTokens)
            .SetProperty(r => r.CostUsd, state.Run.CostUsd)
            .SetProperty(r => r.UpdatedAt, time.GetUtcNow()), ct).ConfigureAwait(false);
    }

    private async Task ParkAsync(ExecutionState state)
    {
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        var run = await db.Runs.SingleAsync(r => r.Id == state.Run.Id).ConfigureAwait(false);
        var now = time.GetUtcNow();
        run.Status = RunStatuses.AwaitingInput;
        run.LastCheckpointId = state.Run.LastCheckpointId;
        run.DocumentJson = DocumentJson.Serialize(state.Document, false);
        CopyUsage(state, run);
        run.QuestionsJson = JsonSerializer.Serialize(state.PendingQuestions, DocumentJson.Options);
        run.QuestionRequestId = state.Run.QuestionRequestId;
        run.AnswersDueAt = now.AddSeconds(run.QuestionTimeoutSeconds);
        run.LeaseOwner = null;
        run.UpdatedAt = now;
        journal.Add(db, run.Id, RunEventTypes.QuestionsAsked, new { questions = state.PendingQuestions, answersDueAt = run.AnswersDueAt });
        await NotifyAsync(db, run, state, CancellationToken.None).ConfigureAwait(false);
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        state.Span?.SetTag(ArchitectTelemetry.Tags.Status, run.Status);
        signals.Changed(run.Id);
    }

    private async Task FinishAsync(ExecutionState state, string status, string? error, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var run = await db.Runs.SingleAsync(r => r.Id == state.Run.Id, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        run.Status = status;
        run.LeaseOwner = null;
        run.UpdatedAt = now;
        run.LastCheckpointId = state.Run.LastCheckpointId ?? run.LastCheckpointId;
        run.DocumentJson = DocumentJson.Serialize(state.Document, false);
        CopyUsage(state, run);
        if (RunStatuses.IsTerminal(status))
        {
            run.CompletedAt = now;
            run.Error = error;
            run.ErrorCode = status == RunStatuses.Failed ? state.ErrorCode ?? "workflow_error" : null;
            run.Verdict = state.Output?.Gate?.Verdict.ToString().ToLowerInvariant();
            run.Score = state.Output?.Gate?.Score;
            journal.Add(db, run.Id, RunEventTypes.Finished, new { status, error, errorCode = run.ErrorCode, verdict = run.Verdict, score = run.Score });
            await NotifyAsync(db, run, state, ct).ConfigureAwait(false);
        }

        state.Span?.SetTag(ArchitectTelemetry.Tags.Status, status);
        if (status == RunStatuses.Failed)
        {
            state.Span?.SetStatus(ActivityStatusCode.Error, error);
        }

        if (RunStatuses.IsTerminal(status))
        {
            // The run span ends before the status is visible, so whoever sees the run finished can also find its whole trace.
            state.Span?.Stop();
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        if (RunStatuses.IsTerminal(status) && status != RunStatuses.Failed)
        {
            // Only a failed run can resume. A finished run's checkpoints (about 1 MB per run, a copy of the whole
            // state per superstep) would otherwise grow the store without end; its document and events stay.
            await db.Checkpoints.Where(c => c.SessionId == run.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.NodeResults.Where(r => r.RunId == run.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        }

        if (RunStatuses.IsTerminal(status))
        {
            metrics.RunFinished(run, status, state.Document, now);
        }

        signals.Changed(run.Id);
    }

    private static void CopyUsage(ExecutionState state, RunRecord run)
    {
        run.InputTokens = state.Run.InputTokens;
        run.OutputTokens = state.Run.OutputTokens;
        run.CostUsd = state.Run.CostUsd;
    }

    /// <summary>Listeners add their notifications to the context that saves the status change (one transaction).</summary>
    private async Task NotifyAsync(ArchitectDbContext db, RunRecord run, ExecutionState state, CancellationToken ct)
    {
        if (RunLifecycleEvents.ForStatus(run.Status) is not { } eventType)
        {
            return;
        }

        var transition = new RunTransition(eventType, run, state.PendingQuestions ?? [], state.Output ?? state.Document);
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.OnTransitionAsync(transition, db, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A listener's bug must not leave the run stuck in 'running': the status change is saved without its notification.
                logger.LogError(ex, "Lifecycle listener {Listener} failed for run {RunId} ({Event})", listener.GetType().Name, run.Id, eventType);
            }
        }
    }

    /// <summary>The root span of one execution of a run: a new trace, whatever the worker's context holds.</summary>
    private static Activity? StartRunSpan(RunRecord run)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            return ArchitectTelemetry.Source.StartActivity("run", ActivityKind.Internal, default(ActivityContext), [
                new(ArchitectTelemetry.Tags.RunId, run.Id),
                new(ArchitectTelemetry.Tags.Workflow, run.Workflow),
                new(ArchitectTelemetry.Tags.Source, run.Source),
                new(ArchitectTelemetry.Tags.Requester, run.Requester),
                new(ArchitectTelemetry.Tags.Attempt, run.Attempts),
            ]);
        }
        finally
        {
            // StartActivity made the span current; restoring the worker's context only matters when no span was started.
            if (Activity.Current is null)
            {
                Activity.Current = previous;
            }
        }
    }

    private sealed class ExecutionState(RunRecord run, DesignDocument document)
    {
        public Activity? Span { get; init; }
        public Dictionary<string, string?> NodeAgents { get; } = new(StringComparer.Ordinal);
        public string? ErrorCode { get; set; }
        public string? ErrorNode { get; set; }

        /// <summary>Replayed nodes whose events were lost with the previous process, so the replay appends them.</summary>
        public HashSet<string> ReplaysToAppend { get; } = new(StringComparer.Ordinal);
        public Exception? Exception { get; set; }

        /// <summary>Keeps the document's usage section and the run's totals in step with each node's cumulative entry.</summary>
        public void RecordUsage(UsageEntry entry)
        {
            var entries = Document.Usage?.Entries ?? [];
            entries.RemoveAll(e => e.Node == entry.Node && entry.Node is not null);
            entries.Add(entry);
            Document.Usage = new UsageSection
            {
                Author = "engine",
                Entries = entries,
                InputTokens = entries.Sum(e => e.InputTokens),
                OutputTokens = entries.Sum(e => e.OutputTokens),
                CostUsd = entries.Sum(e => e.CostUsd),
            };
            Run.InputTokens = Document.Usage.InputTokens;
            Run.OutputTokens = Document.Usage.OutputTokens;
            Run.CostUsd = Document.Usage.CostUsd;
        }

        public RunRecord Run { get; } = run;
        public DesignDocument Document { get; set; } = document;
        public DesignDocument? Output { get; set; }
        public string? Error { get; set; }
        public List<ClarifyingQuestion>? PendingQuestions { get; set; }
        public HashSet<string> Answered { get; } = [];
    }
}
