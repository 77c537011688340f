using System.ComponentModel;
using System.Text.Json.Nodes;
using ArchitectAgents.Api.OpenApi;

namespace ArchitectAgents.Api.Runs;

/// <summary>
/// The optional body of <c>POST /v1/runs/{id}/resume</c> as the OpenAPI document describes it; the endpoint reads the
/// JSON itself (see <see cref="RunEndpoints.ResumeAsync"/>) and refuses any other field.
/// </summary>
[ClosedSchema]
[Description("How to resume; send no body to resume with the run's current budget.")]
internal sealed record ResumeBody
{
    [Description("A new budget for the run; each limit must be above what the run has already spent.")]
    public RunBudgetBody? Budget { get; init; }

    /// <summary>A larger budget for a run that failed on its limit.</summary>
    public static JsonNode Example => JsonNode.Parse("""{ "budget": { "maxTokens": 500000 } }""")!;
}
