using System.ComponentModel;
using System.Security.Claims;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Requests;
using ArchitectAgents.Runs.Store;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ArchitectAgents.Mcp;

/// <summary><c>get_run</c> and <c>answer_questions</c>: a run's state, and the answers an interactive run waits for.</summary>
[McpServerToolType]
public sealed class RunTools(RunService runs, McpCaller caller)
{
    [McpServerTool(Name = "get_run", Title = "Get a design run", ReadOnly = true, OpenWorld = false)]
    [Description("The state of a design run: status (queued, running, awaiting_input, completed, completed_with_issues, failed, cancelled), " +
        "the gate's verdict and score, the questions it waits on, token usage and cost, and the deliverable URIs once it completed.")]
    public async Task<CallToolResult> GetAsync(
        [Description("The run id start_design returned.")] string runId,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default)
    {
        if (caller.OwnerOf(user) is not { } owner)
        {
            return ToolResults.Error("caller", "is not authenticated");
        }

        return await runs.GetAsync(owner, runId, cancellationToken).ConfigureAwait(false) is { } run
            ? ToolResults.Ok(McpRunView.From(run))
            : NotFound(runId);
    }

    [McpServerTool(Name = "answer_questions", Title = "Answer a run's clarifying questions", Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Answers the clarifying questions of a run that is awaiting_input; the run resumes from its checkpoint. " +
        "Questions left unanswered become explicit, labelled assumptions in the design.")]
    public async Task<CallToolResult> AnswerAsync(
        [Description("The run id.")] string runId,
        [Description("Answer text by question id (the ids get_run lists under questions), for example {\"q-scale\": \"about 2,000 members\"}; " +
            "at most 4000 characters each.")] Dictionary<string, string> answers,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default)
    {
        if (caller.OwnerOf(user) is not { } owner)
        {
            return ToolResults.Error("caller", "is not authenticated");
        }

        if (await runs.GetAsync(owner, runId, cancellationToken).ConfigureAwait(false) is not { } run)
        {
            return NotFound(runId);
        }

        if (run.Status != RunStatuses.AwaitingInput)
        {
            return ToolResults.Error("runId", $"'{run.Id}' is {run.Status}; answers are accepted only while it is awaiting_input");
        }

        var pending = RunAnswerCheck.Pending(run).Select(q => q.Id).ToList();
        foreach (var (id, text) in answers)
        {
            if (RunAnswerCheck.Problem(pending, id, text) is { } wrong)
            {
                return ToolResults.Error($"answers.{ToolResults.Echo(id)}", wrong.Error);
            }
        }

        if (!await runs.AnswerAsync(owner, runId, answers, cancellationToken).ConfigureAwait(false))
        {
            return ToolResults.Error("runId", $"'{run.Id}' stopped waiting before the answers arrived");
        }

        return ToolResults.Ok(McpRunView.From((await runs.GetAsync(owner, runId, cancellationToken).ConfigureAwait(false))!));
    }

    /// <summary>Another owner's run and a run that does not exist answer alike, so ids reveal nothing.</summary>
    internal static CallToolResult NotFound(string runId) => ToolResults.Error("runId", $"'{ToolResults.Echo(runId)}' is not a run visible to this caller");
}
