using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Core.Telemetry;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Core.Workflows;
using Microsoft.Agents.AI;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>Turns a workflow definition into a Microsoft Agent Framework <see cref="Workflow"/>.</summary>
/// <remarks>
/// A MAF workflow instance runs one run at a time, so build one per run. Workflows and agents are built with
/// OpenTelemetry on (sources in <see cref="ArchitectTelemetry"/>); with no listener that costs nothing. Each agent
/// from the <see cref="IAgentProvider"/> is wrapped here exactly once, so providers must not wrap their agents.
/// </remarks>
/// <param name="catalog">The agent definitions.</param>
/// <param name="agents">Creates the agent of each definition.</param>
/// <param name="validators">The artifact validators.</param>
/// <param name="time">Clock for events and revisions.</param>
/// <param name="enableSensitiveData">Record message content (prompts, replies, tool arguments) on spans; off by default because it may hold personal data.</param>
/// <param name="journal">Where node results are made durable as each node completes; null keeps them only in checkpoints.</param>
public sealed class WorkflowFactory(AgentCatalog catalog, IAgentProvider agents, IReadOnlyList<IArtifactValidator> validators, TimeProvider? time = null, bool enableSensitiveData = false, INodeJournal? journal = null)
{
    /// <summary>The node journal the workflows use, if any; hosts read the output node's entry before resuming.</summary>
    public INodeJournal? Journal => journal;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Builds the workflow; fails before any run starts when an agent cannot be created.</summary>
    /// <param name="definition">The workflow.</param>
    /// <param name="options">The run's model overrides and budget.</param>
    public Workflow Build(WorkflowDefinition definition, RunModelOptions? options = null)
    {
        var bindings = new Dictionary<string, ExecutorBinding>(StringComparer.Ordinal);
        foreach (var node in definition.Nodes)
        {
            bindings[node.Id] = node.Kind switch
            {
                NodeKind.Intake => new IntakeExecutor(node, definition, _time),
                NodeKind.Validator => new ValidationExecutor(node, definition, validators, _time, journal),
                NodeKind.Output => new OutputExecutor(node, definition, _time, journal),
                NodeKind.Human => RequestPort.Create<ClarificationRequest, ClarificationAnswers>(node.Id),
                _ => CreateAgentNode(node, definition, options),
            };
        }

        var builder = new WorkflowBuilder(bindings[definition.Start])
            .WithName(definition.Name)
            .WithDescription(definition.Description)
            .WithOpenTelemetry();
        var wired = new HashSet<(string, string)>();
        foreach (var edge in definition.Edges)
        {
            // A fan-in is wired as one plain edge per branch; the target's FanInBarrier waits for all of them.
            foreach (var (source, target) in edge.From.Select(definition.Node).SelectMany(s => edge.To.Select(definition.Node).Select(t => (s, t))))
            {
                // Routing decisions are made by the source node; one MAF edge per pair carries them.
                if (!wired.Add((source.Id, target.Id)))
                {
                    continue;
                }

                if (target.Kind == NodeKind.Human)
                {
                    builder.AddEdge<ClarificationRequest>(bindings[source.Id], bindings[target.Id], static _ => true);
                }
                else if (source.Kind == NodeKind.Human)
                {
                    builder.AddEdge(bindings[source.Id], bindings[target.Id]);
                }
                else
                {
                    var targetId = target.Id;
                    builder.AddEdge<NodeSignal>(bindings[source.Id], bindings[targetId], s => s is not null && s.Targets.Contains(targetId));
                }
            }
        }

        var output = definition.Nodes.Single(n => n.Kind == NodeKind.Output);
        return builder.WithOutputFrom(bindings[output.Id]).Build();
    }

    private AgentNodeExecutor CreateAgentNode(NodeDefinition node, WorkflowDefinition definition, RunModelOptions? options)
    {
        var agentDefinition = catalog[node.Agent!];
        string? model = null;
        var overrides = options?.Models;
        _ = overrides?.TryGetValue(agentDefinition.Id, out model) == true || overrides?.TryGetValue("*", out model) == true;
        var contract = AgentReplyContract.For(agentDefinition);
        var binding = agents.Bind(agentDefinition, model);
        var agent = binding.Agent
            .AsBuilder()
            // Only ever switched on here: left alone, MAF also honours OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT.
            .UseOpenTelemetry(ArchitectTelemetry.AgentSourceName, o => o.EnableSensitiveData |= enableSensitiveData)
            .Build();
        return new AgentNodeExecutor(node, definition, agentDefinition, binding with { Agent = agent }, contract, options?.Budget, _time, journal);
    }
}
