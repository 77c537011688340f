using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Models;
using ArchitectAgents.Runs.Execution;

namespace ArchitectAgents.Runs.Requests;

/// <summary>
/// Resolves the model of every agent a run's workflow will call, the way the engine will (the run's override for
/// the agent, else its <c>*</c> override, else the agent definition's model), so a model that cannot be called (no
/// key) refuses the run at creation instead of failing it minutes later.
/// </summary>
public static class RunModelCheck
{
    /// <summary>The field to blame and why, for the first agent whose model cannot be used; null when all can.</summary>
    public static (string Field, string Error)? FindUnusable(WorkflowDefinition workflow, DefinitionSet definitions, ModelCatalog models, IReadOnlyDictionary<string, string>? overrides)
    {
        foreach (var agentId in workflow.Nodes.Select(n => n.Agent).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (!definitions.Catalog.TryGet(agentId, out var agent))
            {
                continue;
            }

            var (name, field) = overrides?.TryGetValue(agentId, out var own) == true ? (own, $"options.models.{agentId}")
                : overrides?.TryGetValue("*", out var all) == true ? (all, "options.models.*")
                : (agent.Model, "options.models");
            if (!models.Contains(name))
            {
                return (field, $"agent '{agentId}' uses model '{name}', which is not configured");
            }

            var (usable, reason) = models.Usability(models.Get(name));
            if (!usable)
            {
                return (field, $"agent '{agentId}' uses model '{name}', which cannot be called: {reason}");
            }
        }

        return null;
    }
}
