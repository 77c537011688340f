using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Runs.Store;

namespace ArchitectAgents.Api.Runs;

/// <summary>A run as the API shows it.</summary>
internal sealed record RunResponse(
    string Id,
    string Status,
    string Workflow,
    string Source,
    bool Interactive,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Verdict,
    int? Score,
    string? Error,
    string? ErrorCode,
    RunUsageResponse Usage,
    RunBudget? Budget,
    int Attempts,
    string? TraceId,
    IReadOnlyList<ClarifyingQuestion>? Questions,
    DateTimeOffset? AnswersDueAt,
    IReadOnlyDictionary<string, string> Links)
{
    public static RunResponse From(RunRecord run)
    {
        var self = $"/v1/runs/{run.Id}";
        var links = new Dictionary<string, string>
        {
            ["self"] = self,
            ["events"] = self + "/events",
            ["questions"] = self + "/questions",
            ["document"] = self + "/document",
        };
        if (run.Status is RunStatuses.Completed or RunStatuses.CompletedWithIssues)
        {
            links["deliverables"] = self + "/deliverables";
            links["zip"] = self + "/deliverables.zip";
        }

        if (run.Status == RunStatuses.AwaitingInput)
        {
            links["answers"] = self + "/answers";
        }

        if (run.Status == RunStatuses.Failed)
        {
            links["resume"] = self + "/resume";
        }

        if (!RunStatuses.IsTerminal(run.Status))
        {
            links["cancel"] = self + "/cancel";
        }

        return new RunResponse(run.Id, run.Status, run.Workflow, run.Source, run.Interactive, run.CreatedAt, run.StartedAt, run.CompletedAt,
            run.Verdict, run.Score, run.Error, run.ErrorCode,
            new RunUsageResponse(run.InputTokens, run.OutputTokens, run.InputTokens + run.OutputTokens, run.CostUsd),
            run.BudgetJson is null ? null : JsonSerializer.Deserialize<RunBudget>(run.BudgetJson, DocumentJson.Options),
            run.Attempts, run.TraceId,
            run.Status == RunStatuses.AwaitingInput && run.QuestionsJson is { } q ? JsonSerializer.Deserialize<List<ClarifyingQuestion>>(q, DocumentJson.Options) : null,
            run.Status == RunStatuses.AwaitingInput ? run.AnswersDueAt : null,
            links);
    }
}

/// <summary>Model usage of a run so far.</summary>
internal sealed record RunUsageResponse(long InputTokens, long OutputTokens, long TotalTokens, decimal CostUsd);

/// <summary>A page of runs.</summary>
internal sealed record RunPage(IReadOnlyList<RunResponse> Items, string? NextCursor);

/// <summary>The pending questions of a run.</summary>
internal sealed record QuestionsResponse(string Status, IReadOnlyList<ClarifyingQuestion> Questions, DateTimeOffset? AnswersDueAt);

/// <summary>One entry of a document's revision history.</summary>
internal sealed record RevisionResponse(int Revision, string Section, int SectionRevision, string Author, int Round, DateTimeOffset UpdatedAt, IReadOnlyList<string> Changed);

/// <summary>One deliverable file of a completed run.</summary>
internal sealed record DeliverableFile(string Name, int Bytes, string Href);
