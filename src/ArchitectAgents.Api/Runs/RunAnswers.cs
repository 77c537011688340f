using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Runs.Requests;

namespace ArchitectAgents.Api.Runs;

/// <summary>
/// Reads a JSON object of answers with the rules of <see cref="RunAnswerCheck"/>, shared by <c>/v1/runs/{id}/answers</c>
/// and the LangGraph resume command so both refuse the same answers the same way.
/// </summary>
internal static class RunAnswers
{
    /// <summary>
    /// Reads an object mapping question ids to answer text; on failure the field (under <paramref name="prefix"/>,
    /// for example <c>answers.q-scale</c>) and what is wrong with it.
    /// </summary>
    public static (Dictionary<string, string>? Answers, string? Field, string? Error) Parse(JsonElement answers, IReadOnlyCollection<ClarifyingQuestion> pending, string prefix)
    {
        var known = pending.Select(q => q.Id).ToList();
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var answer in answers.EnumerateObject())
        {
            var text = answer.Value.ValueKind == JsonValueKind.String ? answer.Value.GetString() : null;
            if (RunAnswerCheck.Problem(known, answer.Name, text, prefix) is { } wrong)
            {
                return (null, wrong.Field, wrong.Error);
            }

            parsed[answer.Name] = text!;
        }

        return (parsed, null, null);
    }
}
