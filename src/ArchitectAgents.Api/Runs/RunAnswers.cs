using System.Text.Json;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Runs.Store;

namespace ArchitectAgents.Api.Runs;

/// <summary>
/// A run's pending questions and the checks on answers to them, shared by <c>/v1/runs/{id}/answers</c> and the
/// LangGraph resume command so both refuse the same answers the same way.
/// </summary>
internal static class RunAnswers
{
    /// <summary>Longest answer accepted, in characters.</summary>
    public const int MaxAnswerLength = 4000;

    /// <summary>The questions a run waits for; empty when it is not waiting.</summary>
    public static List<ClarifyingQuestion> Pending(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Status == RunStatuses.AwaitingInput && run.QuestionsJson is { } json
            ? JsonSerializer.Deserialize<List<ClarifyingQuestion>>(json, DocumentJson.Options) ?? []
            : [];
    }

    /// <summary>
    /// Reads an object mapping question ids to answer text; on failure the field (under <paramref name="prefix"/>,
    /// for example <c>answers.q-scale</c>) and what is wrong with it.
    /// </summary>
    public static (Dictionary<string, string>? Answers, string? Field, string? Error) Parse(JsonElement answers, IReadOnlyCollection<ClarifyingQuestion> pending, string prefix)
    {
        var known = pending.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var answer in answers.EnumerateObject())
        {
            var field = $"{prefix}.{answer.Name}";
            if (!known.Contains(answer.Name))
            {
                return (null, field, $"is not a pending question (pending: {string.Join(", ", known)})");
            }

            if (answer.Value.ValueKind != JsonValueKind.String || answer.Value.GetString()!.Length > MaxAnswerLength)
            {
                return (null, field, $"must be a string of at most {MaxAnswerLength} characters");
            }

            if (PlainText.HasControlCharacters(answer.Value.GetString()!))
            {
                return (null, field, PlainText.Refusal);
            }

            parsed[answer.Name] = answer.Value.GetString()!;
        }

        return (parsed, null, null);
    }
}
