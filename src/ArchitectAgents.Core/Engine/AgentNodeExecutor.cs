using System.Diagnostics;
using System.Text.Json;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Workflows;
using Microsoft.Agents.AI;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Core.Engine;

/// <summary>
/// Runs one agent of the catalog as a workflow node: gives it only the sections it reads, parses its JSON
/// reply and applies only the sections it may write. Anything else rejects the whole reply and leaves
/// the document unchanged.
/// </summary>
internal sealed class AgentNodeExecutor(
    NodeDefinition node,
    WorkflowDefinition workflow,
    AgentDefinition definition,
    AIAgent agent,
    string modelName,
    TimeProvider time) : NodeExecutor(node, workflow, time)
{
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

        var started = Stopwatch.GetTimestamp();
        var response = await agent.RunAsync(
            new ChatMessage(ChatRole.User, JsonSerializer.Serialize(input, DocumentJson.Options)),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await UsageState.AddAsync(context, Id, definition.Id, modelName, response.Usage, Stopwatch.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);

        var (output, sections) = await ParseAsync(context, response.Text, cancellationToken).ConfigureAwait(false);
        var now = Time.GetUtcNow();
        foreach (var (name, content) in sections)
        {
            await DocumentState.WriteSectionAsync(context, name, content, definition.Id, round, now, cancellationToken).ConfigureAwait(false);
        }

        var questions = sections.TryGetValue(SectionNames.Context, out var written) && written is ContextSection ctx
            ? ctx.Questions.Where(q => q.Answer is null).ToList()
            : [];
        return new NodeResult(output.Outcome, output.Notes, [.. sections.Keys]) { Questions = questions };
    }

    private async ValueTask<(AgentOutput Output, Dictionary<string, SectionBase> Sections)> ParseAsync(IWorkflowContext context, string text, CancellationToken ct)
    {
        try
        {
            var output = JsonSerializer.Deserialize<AgentOutput>(ExtractJson(text), DocumentJson.Options)
                ?? throw new AgentOutputRejectedException("the reply is empty");
            if (!definition.Outcomes.Contains(output.Outcome))
            {
                throw new AgentOutputRejectedException($"outcome '{output.Outcome}' is not one of {string.Join(", ", definition.Outcomes)}");
            }

            var forbidden = output.Sections.Keys.Where(k => !definition.Writes.Contains(k)).ToList();
            if (forbidden.Count > 0)
            {
                throw new AgentOutputRejectedException(
                    $"it wrote section(s) {string.Join(", ", forbidden.Select(f => $"'{f}'"))} but may only write {string.Join(", ", definition.Writes)}");
            }

            var sections = new Dictionary<string, SectionBase>(StringComparer.Ordinal);
            foreach (var (name, element) in output.Sections)
            {
                try
                {
                    sections[name] = (SectionBase?)element.Deserialize(SectionNames.TypeOf(name), DocumentJson.Options)
                        ?? throw new AgentOutputRejectedException($"section '{name}' is null");
                }
                catch (JsonException ex)
                {
                    throw new AgentOutputRejectedException($"section '{name}' does not match its schema: {ex.Message}", ex);
                }
            }

            return (output, sections);
        }
        catch (Exception ex) when (ex is JsonException or AgentOutputRejectedException)
        {
            var reason = ex is AgentOutputRejectedException ? ex.Message : $"the reply is not the expected JSON object: {ex.Message}";
            var message = $"Agent '{definition.Id}' (node '{Id}') output rejected: {reason}; the document is unchanged.";
            await context.AddEventAsync(new AgentOutputRejectedEvent(Id, message), ct).ConfigureAwait(false);
            throw new AgentOutputRejectedException(message, ex);
        }
    }

    /// <summary>Models often wrap JSON in a Markdown fence; take the outermost object.</summary>
    private static string ExtractJson(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text[start..(end + 1)] : text;
    }
}
