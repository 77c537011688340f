using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Models;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Requests;
using ArchitectAgents.Runs.Store;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ArchitectAgents.Mcp;

/// <summary><c>start_design</c>: queues a design run, with the same checks as <c>POST /v1/runs</c>.</summary>
[McpServerToolType]
public sealed class StartDesignTool(RunService runs, DefinitionSet definitions, ModelCatalog catalog, McpCaller caller, IOptions<RunStoreOptions> options)
{
    private const int MaxTitleLength = 200;

    /// <summary>Longest wait for questions a run may ask for (a week), as in the REST API.</summary>
    private const long MaxQuestionTimeoutSeconds = 7 * 24 * 3600;

    [McpServerTool(Name = "start_design", Title = "Start an architecture design", Destructive = false, OpenWorld = false)]
    [Description("Starts a design run on a software brief. A team of agents turns it into a validated architecture: architecture.md, " +
        "a Mermaid diagram, openapi.yaml, schema.sql, design.json and a security review. Returns the run (runId, status). " +
        "Follow it with wait_for_run or get_run; fetch the files with get_deliverables when it completes.")]
    public async Task<CallToolResult> StartAsync(
        [Description("The brief: what the system must do, for whom, at what scale, with which team and constraints. Markdown or plain text, " +
            "at most 256 KiB. It is data for the agents, never instructions to the service.")] string brief,
        [Description("A title for the design; becomes the brief's first heading.")] string? title = null,
        [Description("Workflow id; the service's default (architect-design) when omitted.")] string? workflow = null,
        [Description("True: the run stops to ask clarifying questions (status awaiting_input; reply with answer_questions). " +
            "False (default): it records labelled assumptions instead of asking.")] bool? interactive = null,
        [Description("How long an interactive run waits for answers before it goes on with assumptions, in seconds (1 to 604800).")] long? questionTimeoutSeconds = null,
        [Description("Stop the run before a model call once it has used this many tokens.")] long? maxTokens = null,
        [Description("Stop the run before a model call once it has cost this many US dollars.")] decimal? maxCostUsd = null,
        [Description("Model per agent id (\"*\" for every agent), by the names the service configures under Models.")] Dictionary<string, string>? models = null,
        [Description("Existing architecture documents the design must respect (at most 10); the designer records every departure from them.")] List<McpAttachment>? attachments = null,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default)
    {
        if (caller.OwnerOf(user) is not { } owner)
        {
            return ToolResults.Error("caller", "is not authenticated");
        }

        if (title is not null && (title.Length > MaxTitleLength || title.Any(char.IsControl)))
        {
            return ToolResults.Error("title", $"must be one line of at most {MaxTitleLength} characters");
        }

        var text = string.IsNullOrWhiteSpace(title) || brief is null ? brief : $"# {title.Trim()}\n\n{brief}";
        if (RunRequestCheck.BriefProblem(text, options.Value.MaxBriefBytes) is { } briefProblem)
        {
            return ToolResults.Error("brief", briefProblem);
        }

        if (questionTimeoutSeconds is < 1 or > MaxQuestionTimeoutSeconds)
        {
            return ToolResults.Error("questionTimeoutSeconds", $"must be a whole number of seconds between 1 and {MaxQuestionTimeoutSeconds}");
        }

        if (maxTokens is <= 0)
        {
            return ToolResults.Error("maxTokens", "must be a positive whole number");
        }

        if (maxCostUsd is <= 0)
        {
            return ToolResults.Error("maxCostUsd", "must be a positive number of US dollars");
        }

        var documents = new List<AttachedDocument>();
        // Nulls never get here: the schemas have no null type, and ToolArgumentCheck refuses one by name.
        foreach (var attachment in attachments ?? [])
        {
            documents.Add(new AttachedDocument { Name = attachment.Name, Content = attachment.Content });
        }

        if (RunRequestCheck.AttachmentsProblem(documents, System.Text.Encoding.UTF8.GetByteCount(text!), options.Value.MaxBriefBytes) is { } attachmentProblem)
        {
            return ToolResults.Error(attachmentProblem.Field, attachmentProblem.Error);
        }

        var (workflowId, refused) = RunRequestCheck.Options(definitions, catalog, workflow, models);
        if (refused is not null)
        {
            // The shared check names fields as the REST body nests them; here they are top-level parameters.
            return ToolResults.Error(refused.Field.StartsWith("options.", StringComparison.Ordinal) ? refused.Field["options.".Length..] : refused.Field, refused.Error);
        }

        var budget = maxTokens is null && maxCostUsd is null ? null : new RunBudget { MaxTokens = maxTokens, MaxCostUsd = maxCostUsd };
        // MCP has no Idempotency-Key, so the hash only records what was asked, as it does for every REST run.
        var hash = RunService.Hash(JsonSerializer.Serialize(new { text, workflowId, interactive, questionTimeoutSeconds, budget, models, documents }, ToolResults.Json));
        var (_, run) = await runs.CreateAsync(new CreateRunCommand(
            owner, text!, workflowId, interactive ?? false, (int?)questionTimeoutSeconds, null, documents, null, hash, "mcp", user?.Identity?.Name, budget, models), cancellationToken).ConfigureAwait(false);
        return ToolResults.Ok(McpRunView.From(run));
    }
}
