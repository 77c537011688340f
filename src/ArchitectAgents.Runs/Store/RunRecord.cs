namespace ArchitectAgents.Runs.Store;

/// <summary>A design run as stored.</summary>
public sealed class RunRecord
{
    /// <summary>Run id, also the MAF session id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Id of the API key (or principal) that owns the run.</summary>
    public string OwnerId { get; set; } = "";
    /// <summary>Workflow id.</summary>
    public string Workflow { get; set; } = "";
    /// <summary>Current status (see <see cref="RunStatuses"/>).</summary>
    public string Status { get; set; } = RunStatuses.Queued;
    /// <summary>The brief, verbatim.</summary>
    public string Brief { get; set; } = "";
    /// <summary>cli, api, github, jira.</summary>
    public string Source { get; set; } = "api";
    /// <summary>Who asked, when known.</summary>
    public string? Requester { get; set; }
    /// <summary>Whether questions may be asked.</summary>
    public bool Interactive { get; set; }
    /// <summary>Seconds to wait for answers before they become assumptions.</summary>
    public int QuestionTimeoutSeconds { get; set; } = 3600;
    /// <summary>Attached documents as JSON.</summary>
    public string AttachmentsJson { get; set; } = "[]";
    /// <summary>Callback URL for run events, when given.</summary>
    public string? CallbackUrl { get; set; }
    /// <summary>Idempotency key sent with the create request.</summary>
    public string? IdempotencyKey { get; set; }
    /// <summary>Hash of the create request body, to detect a reused key with another body.</summary>
    public string? RequestHash { get; set; }
    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When a worker first started it.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>When it reached a terminal state.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>Last change of any kind.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Why it failed.</summary>
    public string? Error { get; set; }
    /// <summary>Gate verdict of the finished document.</summary>
    public string? Verdict { get; set; }
    /// <summary>Gate score of the finished document.</summary>
    public int? Score { get; set; }
    /// <summary>Latest MAF checkpoint id; a restarted worker resumes from it.</summary>
    public string? LastCheckpointId { get; set; }
    /// <summary>Pending questions as JSON, while awaiting input.</summary>
    public string? QuestionsJson { get; set; }
    /// <summary>MAF request id of the pending questions.</summary>
    public string? QuestionRequestId { get; set; }
    /// <summary>When waiting for answers stops and assumptions are made instead.</summary>
    public DateTimeOffset? AnswersDueAt { get; set; }
    /// <summary>Answers as JSON, waiting to be delivered to the workflow.</summary>
    public string? AnswersJson { get; set; }
    /// <summary>Cancellation was requested.</summary>
    public bool CancelRequested { get; set; }
    /// <summary>Node that holds the run while it executes.</summary>
    public string? LeaseOwner { get; set; }
    /// <summary>How many times a worker picked it up.</summary>
    public int Attempts { get; set; }
    /// <summary>W3C trace id (32 hex digits) of the run's latest execution, for finding it in a trace backend.</summary>
    public string? TraceId { get; set; }
    /// <summary>The design document as it stands (JSON), updated as sections are written.</summary>
    public string? DocumentJson { get; set; }
    /// <summary>Model names by agent id that override the agent definitions for this run (JSON), or null.</summary>
    public string? ModelsJson { get; set; }
    /// <summary>The run's model budget (JSON), or null for none.</summary>
    public string? BudgetJson { get; set; }
    /// <summary>Machine-readable reason of a failure: budget_exceeded, model_unavailable, output_rejected, workflow_error.</summary>
    public string? ErrorCode { get; set; }
    /// <summary>Input tokens spent so far.</summary>
    public long InputTokens { get; set; }
    /// <summary>Output tokens spent so far.</summary>
    public long OutputTokens { get; set; }
    /// <summary>Cost so far in USD.</summary>
    public decimal CostUsd { get; set; }
}
