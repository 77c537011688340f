using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Runs.Store;

namespace ArchitectAgents.Runs.Requests;

/// <summary>The rules for answers to a run's clarifying questions, shared by every way of answering (REST, MCP).</summary>
public static class RunAnswerCheck
{
    /// <summary>Longest answer accepted, in characters.</summary>
    public const int MaxAnswerLength = 4000;

    /// <summary>The questions a run is waiting on; empty unless it is <c>awaiting_input</c>.</summary>
    public static IReadOnlyList<ClarifyingQuestion> Pending(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Status == RunStatuses.AwaitingInput && run.QuestionsJson is { } json
            ? JsonSerializer.Deserialize<List<ClarifyingQuestion>>(json, DocumentJson.Options) ?? []
            : [];
    }

    /// <summary>What is wrong with one answer (not a pending question, too long, control characters), or null; the field is named under <paramref name="prefix"/>.</summary>
    public static RunRequestProblem? Problem(IReadOnlyCollection<string> pending, string questionId, string? text, string prefix = "answers")
    {
        ArgumentNullException.ThrowIfNull(pending);
        var field = $"{prefix}.{questionId}";
        if (!pending.Contains(questionId))
        {
            return new(field, $"is not a pending question (pending: {string.Join(", ", pending)})");
        }

        if (text is null || text.Length > MaxAnswerLength)
        {
            return new(field, $"must be a string of at most {MaxAnswerLength} characters");
        }

        return PlainText.HasControlCharacters(text) ? new(field, PlainText.Refusal) : null;
    }
}
