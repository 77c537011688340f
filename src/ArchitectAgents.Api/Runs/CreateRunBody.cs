using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using ArchitectAgents.Api.OpenApi;

namespace ArchitectAgents.Api.Runs;

/// <summary>
/// The body of <c>POST /v1/runs</c> as the OpenAPI document describes it. The endpoint never binds to this type:
/// <see cref="CreateRunRequest.Parse"/> reads the JSON itself so every error names its field; this type only lists the
/// fields that parser accepts (a test compares the two), so clients can generate a typed request.
/// </summary>
[ClosedSchema]
[Description("A design run to start. Fields not listed here are refused with 400, so a misspelt field never goes unnoticed.")]
internal sealed record CreateRunBody
{
    [Description("The software brief to design for, as plain text or Markdown. Control characters other than tab and line breaks are refused; over Runs:MaxBriefBytes (256 KiB by default) is 413.")]
    [MinLength(1)]
    public required string Brief { get; init; }

    [Description("The workflow to run (see GET /v1/workflows); the server's default workflow when absent.")]
    public string? Workflow { get; init; }

    [Description("How the run behaves: clarifying questions, budget and models.")]
    public CreateRunOptionsBody? Options { get; init; }

    [Description("An absolute http or https URL that receives signed callbacks as the run progresses. Private, loopback and metadata addresses are refused.")]
    [Url]
    public string? CallbackUrl { get; init; }

    [Description("Documents the agents read beside the brief (at most 10; together with the brief at most twice Runs:MaxBriefBytes).")]
    [MaxLength(10)]
    public IReadOnlyList<AttachmentBody>? Attachments { get; init; }

    /// <summary>A body the service accepts as it stands with its shipped configuration (a test posts it).</summary>
    public static JsonNode Example => JsonNode.Parse("""
        {
          "brief": "A booking service for a chain of 40 dental clinics: patients book, move and cancel appointments online; staff see the day's schedule; reminders go out by SMS 24 hours before. Up to 5,000 bookings a day; patient data stays in the EU.",
          "workflow": "architect-design",
          "options": {
            "interactive": true,
            "questionTimeoutSeconds": 600,
            "budget": { "maxTokens": 200000, "maxCostUsd": 2.5 },
            "models": { "*": "default" }
          },
          "attachments": [
            { "name": "current-architecture.md", "content": "# Today\nOne PHP application and a MySQL database per clinic." }
          ]
        }
        """)!;
}

/// <summary>The <c>options</c> object of <see cref="CreateRunBody"/>.</summary>
[ClosedSchema]
internal sealed record CreateRunOptionsBody
{
    [Description("When true the run may stop in awaiting_input with clarifying questions (answer them with POST /v1/runs/{id}/answers); when false it assumes and carries on. Default false.")]
    public bool? Interactive { get; init; }

    [Description("How long an interactive run waits for answers before it carries on with its assumptions, in seconds; the server's default when absent.")]
    [Range(1, 604800)]
    public int? QuestionTimeoutSeconds { get; init; }

    [Description("What the run may spend on models; the run fails with errorCode budget_exceeded when a limit is reached.")]
    public RunBudgetBody? Budget { get; init; }

    [Description("Model names (see GET /v1/models) by agent id (see GET /v1/agents), or \"*\" for every agent. Each model must be configured and usable on this server.")]
    public IReadOnlyDictionary<string, string>? Models { get; init; }
}

/// <summary>A budget as the run endpoints accept it (<c>options.budget</c> on creation, <c>budget</c> on resume).</summary>
[ClosedSchema]
[Description("Spending limits; at least one of maxTokens and maxCostUsd.")]
internal sealed record RunBudgetBody
{
    [Description("Input plus output tokens over the whole run; a positive whole number.")]
    public long? MaxTokens { get; init; }

    [Description("Model cost in US dollars over the whole run; a positive number.")]
    public decimal? MaxCostUsd { get; init; }
}

/// <summary>One entry of <see cref="CreateRunBody.Attachments"/>.</summary>
[Description("A document the agents read beside the brief.")]
internal sealed record AttachmentBody
{
    [Description("File name, for example architecture.md.")]
    [MinLength(1)]
    public required string Name { get; init; }

    [Description("The document's text.")]
    public required string Content { get; init; }
}
