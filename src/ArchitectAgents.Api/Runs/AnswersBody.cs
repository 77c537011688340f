using System.ComponentModel;
using System.Text.Json.Nodes;
using ArchitectAgents.Api.OpenApi;

namespace ArchitectAgents.Api.Runs;

/// <summary>
/// The body of <c>POST /v1/runs/{id}/answers</c> as the OpenAPI document describes it; the endpoint reads the JSON
/// itself (see <see cref="RunEndpoints.AnswerAsync"/>) and refuses any other field.
/// </summary>
[ClosedSchema]
[Description("Answers to the run's pending clarifying questions.")]
internal sealed record AnswersBody
{
    [Description("Answer text (at most 4000 characters, no control characters) by question id, as listed by GET /v1/runs/{id}/questions. Every key must be a pending question; questions left out keep the agents' assumption.")]
    public required IReadOnlyDictionary<string, string> Answers { get; init; }

    /// <summary>An example with question ids the offline designer asks.</summary>
    public static JsonNode Example => JsonNode.Parse("""
        { "answers": { "q-scale": "About 4,000 bookings a day, 9,000 at peak.", "q-team": "Team of 3 developers (C#)" } }
        """)!;
}
