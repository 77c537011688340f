using System.Linq.Expressions;

namespace ArchitectAgents.Runs.Store;

/// <summary>
/// Reads of a run that leave out its large content (the brief, attachments and the finished document, a few
/// hundred KB each): status polls, lists and event streams are frequent and need none of it.
/// </summary>
public static class RunSummaries
{
    /// <summary>Everything but <see cref="RunRecord.Brief"/>, <see cref="RunRecord.AttachmentsJson"/> and <see cref="RunRecord.DocumentJson"/>.</summary>
    public static readonly Expression<Func<RunRecord, RunRecord>> WithoutContent = r => new RunRecord
    {
        Id = r.Id,
        OwnerId = r.OwnerId,
        Workflow = r.Workflow,
        Status = r.Status,
        Source = r.Source,
        Requester = r.Requester,
        Interactive = r.Interactive,
        QuestionTimeoutSeconds = r.QuestionTimeoutSeconds,
        CallbackUrl = r.CallbackUrl,
        IdempotencyKey = r.IdempotencyKey,
        RequestHash = r.RequestHash,
        CreatedAt = r.CreatedAt,
        StartedAt = r.StartedAt,
        CompletedAt = r.CompletedAt,
        UpdatedAt = r.UpdatedAt,
        Error = r.Error,
        Verdict = r.Verdict,
        Score = r.Score,
        LastCheckpointId = r.LastCheckpointId,
        QuestionsJson = r.QuestionsJson,
        QuestionRequestId = r.QuestionRequestId,
        AnswersDueAt = r.AnswersDueAt,
        AnswersJson = r.AnswersJson,
        CancelRequested = r.CancelRequested,
        LeaseOwner = r.LeaseOwner,
        Attempts = r.Attempts,
        TraceId = r.TraceId,
        ModelsJson = r.ModelsJson,
        BudgetJson = r.BudgetJson,
        ErrorCode = r.ErrorCode,
        InputTokens = r.InputTokens,
        OutputTokens = r.OutputTokens,
        CostUsd = r.CostUsd,
    };

    /// <summary>The runs without their content.</summary>
    public static IQueryable<RunRecord> Summaries(this IQueryable<RunRecord> runs) => runs.Select(WithoutContent);
}
