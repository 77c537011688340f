using ArchitectAgents.Models;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Runs.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArchitectAgents.Api.Catalog;

/// <summary>The agents and workflows this service runs.</summary>
internal static class CatalogEndpoints
{
    public static void MapCatalog(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("catalog").RequireAuthorization().RequireRateLimiting(ApiInfrastructure.RateLimitPolicy);
        group.MapGet("/agents", (DefinitionSet definitions) => TypedResults.Ok(definitions.Catalog.Agents.Select(a => new
        {
            a.Id, a.Name, a.Description, a.Reads, a.Writes, a.Outcomes, a.Model, a.Tools,
        }))).WithName("listAgents");
        group.MapGet("/models", (ModelCatalog models) => TypedResults.Ok(models.Describe())).WithName("listModels").WithSummary("Configured models and whether each can be used (keys are never shown).");
        group.MapGet("/workflows", (DefinitionSet definitions) => TypedResults.Ok(definitions.Workflows.Values.Select(Describe))).WithName("listWorkflows");
        group.MapGet("/workflows/{id}", Results<Ok<object>, ProblemHttpResult> (string id, DefinitionSet definitions) =>
            definitions.Workflows.TryGetValue(id, out var wf) ? TypedResults.Ok(Describe(wf)) : UnknownWorkflow(id, definitions)).WithName("getWorkflow");
        group.MapGet("/workflows/{id}/graph", Results<ContentHttpResult, ProblemHttpResult> (string id, DefinitionSet definitions) =>
            definitions.Workflows.TryGetValue(id, out var wf) ? TypedResults.Content(WorkflowGraph.ToMermaid(wf), "text/vnd.mermaid") : UnknownWorkflow(id, definitions))
            .WithName("getWorkflowGraph");
    }

    private static object Describe(WorkflowDefinition wf) => new
    {
        wf.Id,
        wf.Name,
        wf.Description,
        wf.Start,
        Nodes = wf.Nodes.Select(n => new { n.Id, Kind = n.Kind.ToString().ToLowerInvariant(), n.Agent }),
        Edges = wf.Edges.Select(e => new { e.From, e.To, e.When, e.MaxRounds }),
        Mermaid = WorkflowGraph.ToMermaid(wf),
    };

    private static ProblemHttpResult UnknownWorkflow(string id, DefinitionSet definitions) =>
        Problems.Status(StatusCodes.Status404NotFound, "Workflow not found", $"'{id}' is not one of {string.Join(", ", definitions.Workflows.Keys)}.");
}
