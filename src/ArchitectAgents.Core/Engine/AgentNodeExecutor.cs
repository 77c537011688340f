using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Core.Workflows;
using Microsoft.Agents.AI;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Core.Engine;

/// <summary>
/// Runs one agent of the catalog as a workflow node: gives it only the sections it reads, checks its JSON
/// reply against its contract (schema, permissions, section rules) and applies only the sections it may
/// write. An invalid reply gets bounded repair turns listing its errors; after that the node fails and the
/// document is unchanged. Every model call is checked against the run's budget first.
/// </summary>
internal sealed class AgentNodeExecutor(
    NodeDefinition node,
    WorkflowDefinition workflow,
    AgentDefinition definition,
    AgentBinding binding,
    AgentReplyContract contract,
    RunBudget? budget,
    TimeProvider time,
    INodeJournal? journal) : NodeExecutor(node, workflow, time, journal)
{
    private const int MaxToolTextLength = 500;

    protected override ProtocolBuilder ConfigureRoutes(ProtocolBuilder protocolBuilder) =>
        protocolBuilder
            .ConfigureRoutes(r => r.AddHandler<ClarificationAnswers>(OnAnswersAsync))
            .SendsMessage<ClarificationRequest>();

    private async ValueTask OnAnswersAsync(ClarificationAnswers answers, IWorkflowContext context, CancellationToken cancellationToken)
    {
        var merged = await DocumentState.ReadAnswersAsync(context, cancellationToken).ConfigureAwait(false) ?? [];
        foreach (var (id, text) in answers.Answers)
        {
            merged[id] = text;
        }

        await DocumentState.WriteAnswersAsync(context, merged, cancellationToken).ConfigureAwait(false);
        await RunAsync(context, merged, cancellationToken).ConfigureAwait(false);
    }

    protected override async ValueTask<NodeResult> ExecuteAsync(IWorkflowContext context, int round, IReadOnlyDictionary<string, string>? answers, CancellationToken cancellationToken)
    {
        var run = await DocumentState.ReadRunAsync(context, cancellationToken).ConfigureAwait(false);
        var input = new AgentInput
        {
            Agent = definition.Id,
            RunId = run.RunId,
            Round = round,
            RevisionsLeft = await Routing.RevisionsLeftAsync(context, cancellationToken).ConfigureAwait(false),
            Interactive = run.Interactive,
            Writes = [.. definition.Writes],
            Outcomes = [.. definition.Outcomes],
            Document = await DocumentState.ReadAsync(context, definition.Reads, withHistory: false, cancellationToken).ConfigureAwait(false),
            Answers = answers is null ? await DocumentState.ReadAnswersAsync(context, cancellationToken).ConfigureAwait(false) : new(answers),
        };

        var spent = await UsageState.ReadAsync(context, Workflow.Nodes.Select(n => n.Id), cancellationToken).ConfigureAwait(false);
        var scope = new ModelCallScope(
            binding.Pricing,
            budget?.MaxTokens - ((spent?.InputTokens ?? 0) + (spent?.OutputTokens ?? 0)),
            budget?.MaxCostUsd - (spent?.CostUsd ?? 0));
        var started = Stopwatch.GetTimestamp();
        UsageEntry delta;
        AgentReplyCheck check;
        try
        {
            check = await ConverseAsync(context, input, scope, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Tokens are money: they are counted even when the turn fails.
            var elapsed = Stopwatch.GetElapsedTime(started);
            delta = new UsageEntry
            {
                Node = Id,
                Agent = definition.Id,
                Model = binding.ModelName,
                Calls = scope.Calls,
                InputTokens = scope.InputTokens,
                OutputTokens = scope.OutputTokens,
                CostUsd = scope.CostUsd,
                DurationMs = (long)elapsed.TotalMilliseconds,
            };
            var entry = await UsageState.AddAsync(context, Id, definition.Id, binding.ModelName, scope.Calls, scope.InputTokens, scope.OutputTokens, scope.CostUsd, elapsed, CancellationToken.None).ConfigureAwait(false);
            await context.AddEventAsync(new UsageRecordedEvent(entry) { Delta = delta }, CancellationToken.None).ConfigureAwait(false);
        }

        // Computed contradictions and review findings are inputs no reply can override (the merge rule).
        var (sections, outcome) = ComputedFindings.Enforce(input.Document, check.Sections, check.Output!.Outcome, input.RevisionsLeft);
        var now = Time.GetUtcNow();
        var writes = new List<JournaledSection>();
        foreach (var (name, content) in sections)
        {
            writes.Add(await DocumentState.WriteSectionAsync(context, name, content, definition.Id, round, now, cancellationToken).ConfigureAwait(false));
        }

        var questions = sections.TryGetValue(SectionNames.Context, out var written) && written is ContextSection ctx
            ? ctx.Questions.Where(q => q.Answer is null).ToList()
            : [];
        return new NodeResult(outcome, check.Output.Notes, [.. sections.Keys]) { Questions = questions, Written = writes, Usage = delta };
    }

    /// <summary>One turn plus up to <see cref="AgentBinding.MaxRepairs"/> repair turns in the same session.</summary>
    private async ValueTask<AgentReplyCheck> ConverseAsync(IWorkflowContext context, AgentInput input, ModelCallScope scope, CancellationToken ct)
    {
        var agent = binding.Agent;
        var session = await agent.CreateSessionAsync(ct).ConfigureAwait(false);
        var message = JsonSerializer.Serialize(input, DocumentJson.Options);
        for (var attempt = 0; ; attempt++)
        {
            scope.EnsureBudget();
            AgentResponse response;
            var callsBefore = scope.Calls;
            using (scope.Enter())
            {
                response = await agent.RunAsync(new ChatMessage(ChatRole.User, message), session, cancellationToken: ct).ConfigureAwait(false);
            }

            if (scope.Calls == callsBefore)
            {
                // Agents that do not go through a model pipeline (offline ones) report usage on the response only.
                scope.Record(response.Usage);
            }

            await ReportToolCallsAsync(context, response, ct).ConfigureAwait(false);
            var check = contract.Check(response.Text);
            if (check.IsValid)
            {
                return check;
            }

            if (attempt >= binding.MaxRepairs)
            {
                var reason = string.Join("; ", check.Errors);
                var verdict = $"Agent '{definition.Id}' (node '{Id}') output rejected{(attempt > 0 ? $" after {attempt} repair turn(s)" : "")}: {reason}; the document is unchanged.";
                await context.AddEventAsync(new AgentOutputRejectedEvent(Id, verdict), ct).ConfigureAwait(false);
                throw new AgentOutputRejectedException(verdict);
            }

            await context.AddEventAsync(new AgentOutputRepairEvent(Id, attempt + 1, check.Errors), ct).ConfigureAwait(false);
            message = RepairMessage(check.Errors);
        }
    }

    private string RepairMessage(IReadOnlyList<string> errors)
    {
        var text = new StringBuilder()
            .AppendLine("Your reply was rejected by the engine and nothing was applied. Problems found:");
        foreach (var error in errors)
        {
            text.Append("- ").AppendLine(error);
        }

        text.Append("Reply again with the complete JSON object {\"sections\": {...}, \"outcome\": \"...\", \"notes\": \"...\"} ")
            .Append("writing only ").Append(string.Join(", ", definition.Writes))
            .Append(" and an outcome among ").Append(string.Join(", ", definition.Outcomes)).Append('.');
        return text.ToString();
    }

    private async ValueTask ReportToolCallsAsync(IWorkflowContext context, AgentResponse response, CancellationToken ct)
    {
        var results = response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>()
            .ToDictionary(r => r.CallId, r => r.Result, StringComparer.Ordinal);
        foreach (var call in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            var arguments = call.Arguments is null ? null : Truncate(JsonSerializer.Serialize(call.Arguments, DocumentJson.Options));
            var result = results.TryGetValue(call.CallId, out var r) ? Truncate(r as string ?? (r is null ? null : JsonSerializer.Serialize(r, DocumentJson.Options))) : null;
            await context.AddEventAsync(new ToolCalledEvent(Id, call.Name, arguments, result), ct).ConfigureAwait(false);
        }
    }

    private static string? Truncate(string? text) =>
        text is null || text.Length <= MaxToolTextLength ? text : text[..MaxToolTextLength] + "…";
}
