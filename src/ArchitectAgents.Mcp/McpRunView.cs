using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Rendering;
using ArchitectAgents.Runs.Requests;
using ArchitectAgents.Runs.Store;

namespace ArchitectAgents.Mcp;

/// <summary>A run as the MCP tools show it: state, gate outcome, what it waits for, what it cost, and what to call next.</summary>
internal sealed record McpRunView(
    string RunId,
    string Status,
    string Workflow,
    bool Interactive,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? Verdict,
    int? Score,
    string? Error,
    string? ErrorCode,
    McpUsageView Usage,
    IReadOnlyList<McpQuestionView>? Questions,
    DateTimeOffset? AnswersDueAt,
    IReadOnlyList<string>? Deliverables,
    string Next)
{
    public static McpRunView From(RunRecord run)
    {
        var finished = run.Status is RunStatuses.Completed or RunStatuses.CompletedWithIssues;
        var questions = RunAnswerCheck.Pending(run);
        return new McpRunView(run.Id, run.Status, run.Workflow, run.Interactive, run.CreatedAt, run.CompletedAt,
            run.Verdict, run.Score, run.Error, run.ErrorCode,
            new McpUsageView(run.InputTokens, run.OutputTokens, run.InputTokens + run.OutputTokens, run.CostUsd),
            questions.Count > 0 ? [.. questions.Select(McpQuestionView.From)] : null,
            run.Status == RunStatuses.AwaitingInput ? run.AnswersDueAt : null,
            finished ? [.. DeliverableSet.Names.Select(n => DeliverableUris.Of(run.Id, n))] : null,
            NextStep(run.Status));
    }

    /// <summary>A hint for the calling agent, so it need not know the state machine.</summary>
    private static string NextStep(string status) => status switch
    {
        RunStatuses.Queued or RunStatuses.Running => "call wait_for_run (or get_run later) until it finishes or asks questions",
        RunStatuses.AwaitingInput => "call answer_questions with an answer per question id; unanswered questions become labelled assumptions",
        RunStatuses.Completed => "call get_deliverables, or read the deliverable resources",
        RunStatuses.CompletedWithIssues => "call get_deliverables; review.md lists the gate's open issues",
        RunStatuses.Failed => "the run stopped; see error and errorCode",
        _ => "the run ended",
    };
}

/// <summary>Model usage of a run so far.</summary>
internal sealed record McpUsageView(long InputTokens, long OutputTokens, long TotalTokens, decimal CostUsd);

/// <summary>A clarifying question the run waits on.</summary>
internal sealed record McpQuestionView(string Id, string Topic, string Question, string Why)
{
    public static McpQuestionView From(ClarifyingQuestion q) => new(q.Id, q.Topic, q.Text, q.Why);
}
