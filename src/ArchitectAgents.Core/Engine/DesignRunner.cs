using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Core.Workflows;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>Runs a workflow definition in-process, answering its questions through an observer.</summary>
public sealed class DesignRunner(WorkflowFactory factory)
{
    /// <summary>Runs one design from brief to document, with checkpoints kept in memory.</summary>
    public Task<DesignRunResult> RunAsync(WorkflowDefinition definition, DesignRunInput input, IDesignRunObserver? observer = null, RunModelOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(definition, input, observer, options, null, cancellationToken);

    /// <summary>
    /// Runs one design from brief to document, or, with <paramref name="checkpoints"/> naming a checkpoint, continues
    /// one from there (agents that had finished are not called again; pending questions are asked again).
    /// </summary>
    public async Task<DesignRunResult> RunAsync(WorkflowDefinition definition, DesignRunInput input, IDesignRunObserver? observer, RunModelOptions? options, RunCheckpoints? checkpoints, CancellationToken cancellationToken = default)
    {
        if (checkpoints?.ResumeFrom is not null && factory.Journal is { } journal
            && await JournaledOutput.FindAsync(journal, definition, input.RunId, cancellationToken).ConfigureAwait(false) is { } finished)
        {
            return Finished(finished);
        }

        var workflow = factory.Build(definition, options);
        var manager = checkpoints?.Manager ?? CheckpointManager.CreateInMemory();
        DesignDocument? document = null;
        string? error = null;
        string? errorCode = null;
        var usage = new Dictionary<string, UsageEntry>(StringComparer.Ordinal);
        try
        {
            await using var run = checkpoints?.ResumeFrom is { } from
                ? await InProcessExecution.ResumeStreamingAsync(workflow, from, manager, cancellationToken).ConfigureAwait(false)
                : await InProcessExecution.RunStreamingAsync(workflow, input, manager, input.RunId, cancellationToken).ConfigureAwait(false);
            await foreach (var evt in run.WatchStreamAsync(cancellationToken).ConfigureAwait(false))
            {
                switch (evt)
                {
                    case RequestInfoEvent request when request.Request.TryGetDataAs<ClarificationRequest>(out var questions):
                        IReadOnlyDictionary<string, string> answers = observer is null
                            ? new Dictionary<string, string>()
                            : await observer.AskAsync([.. questions.Questions], cancellationToken).ConfigureAwait(false);
                        await run.SendResponseAsync(request.Request.CreateResponse(new ClarificationAnswers(answers))).ConfigureAwait(false);
                        break;
                    case WorkflowOutputEvent output when output.Is<DesignDocument>(out var doc):
                        document = doc;
                        break;
                    case ExecutorFailedEvent failed:
                        errorCode ??= WorkflowErrors.Classify(failed.Data as Exception);
                        error ??= WorkflowErrors.Describe(failed.ExecutorId, failed.Data as Exception);
                        break;
                    case WorkflowErrorEvent workflowError:
                        errorCode ??= WorkflowErrors.Classify(workflowError.Data as Exception);
                        error ??= WorkflowErrors.Describe(null, workflowError.Data as Exception);
                        break;
                    case UsageRecordedEvent recorded:
                        usage[recorded.Entry.Node ?? recorded.Entry.Agent] = recorded.Entry;
                        break;
                    case NodeStartedEvent or NodeCompletedEvent or AgentOutputRejectedEvent or AgentOutputRepairEvent or ToolCalledEvent:
                        observer?.OnEvent(evt);
                        break;
                }

                if (error is not null)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new DesignRunResult { Status = DesignRunStatus.Cancelled, Error = "the run was cancelled" };
        }

        if (error is not null)
        {
            return new DesignRunResult { Status = DesignRunStatus.Failed, Error = error, ErrorCode = errorCode, Usage = usage.Count == 0 ? null : UsageState.Summarise([.. usage.Values]) };
        }

        if (document is null && cancellationToken.IsCancellationRequested)
        {
            // The event stream can end quietly on cancellation rather than throw.
            return new DesignRunResult { Status = DesignRunStatus.Cancelled, Error = "the run was cancelled" };
        }

        if (document is null)
        {
            return new DesignRunResult { Status = DesignRunStatus.Failed, Error = "the workflow stopped without producing a document" };
        }

        return Finished(document);
    }

    private static DesignRunResult Finished(DesignDocument document) => new()
    {
        Status = document.Gate?.Verdict == GateVerdict.Pass ? DesignRunStatus.Completed : DesignRunStatus.CompletedWithIssues,
        Document = document,
    };

}
