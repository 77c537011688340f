using System.Text.Json.Nodes;
using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Runs.Execution;

namespace ArchitectAgents.Api.LangGraph;

/// <summary>
/// One LangGraph assistant per workflow definition: <c>graph_id</c> is the workflow id and <c>assistant_id</c> the
/// UUID a LangGraph server derives for a graph's default assistant (UUID v5 of the graph id), so client code that
/// hard-codes either keeps working. Assistants are read-only here: the workflows are files.
/// </summary>
internal static class LangGraphAssistants
{
    /// <summary>The namespace LangGraph servers derive default assistant ids in.</summary>
    private static readonly Guid GraphNamespace = Guid.Parse("6ba7b821-9dad-11d1-80b4-00c04fd430c8");

    /// <summary>The assistant id of a workflow.</summary>
    public static string IdOf(string workflowId) => LangGraphJson.NameUuid(GraphNamespace, workflowId);

    /// <summary>The workflow an assistant id or graph id names, or null.</summary>
    public static WorkflowDefinition? Resolve(DefinitionSet definitions, string assistantId)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        return definitions.Workflows.TryGetValue(assistantId, out var byGraph)
            ? byGraph
            : definitions.Workflows.Values.FirstOrDefault(w => IdOf(w.Id) == assistantId);
    }

    /// <summary>The assistant as LangGraph's API shows it.</summary>
    public static JsonObject ToJson(WorkflowDefinition workflow, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var at = LangGraphJson.Time(loadedAt);
        return new JsonObject
        {
            ["assistant_id"] = IdOf(workflow.Id),
            ["graph_id"] = workflow.Id,
            ["name"] = workflow.Id,
            ["description"] = workflow.Description,
            ["config"] = new JsonObject(),
            ["context"] = new JsonObject(),
            ["metadata"] = new JsonObject { ["created_by"] = "system", ["title"] = workflow.Name },
            ["version"] = 1,
            ["created_at"] = at,
            ["updated_at"] = at,
        };
    }
}
