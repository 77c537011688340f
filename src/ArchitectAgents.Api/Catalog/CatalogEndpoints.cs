using ArchitectAgents.Models;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Api.OpenApi;
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
        group.MapGet("/agents", (DefinitionSet definitions) => TypedResults.Ok(definitions.Catalog.Agents.Select(a =>
            new AgentSummary(a.Id, a.Name, a.Description, a.Reads, a.Writes, a.Outcomes, a.Model, a.Tools)).ToList()))
            .WithName("listAgents").WithSummary("The agents the workflows run, with the sections each reads and writes.");
        group.MapGet("/models", (ModelCatalog models) => TypedResults.Ok(models.Describe())).WithName("listModels").WithSummary("Configured models and whether each can be used (keys are never shown).");
        group.MapGet("/workflows", (DefinitionSet definitions) => TypedResults.Ok(definitions.Workflows.Values.Select(Describe).ToList()))
            .WithName("listWorkflows").WithSummary("The workflows a run can use.");
        group.MapGet("/workflows/{id}", Results<Ok<WorkflowResponse>, ProblemHttpResult> (string id, DefinitionSet definitions) =>
            definitions.Workflows.TryGetValue(id, out var wf) ? TypedResults.Ok(Describe(wf)) : UnknownWorkflow(id, definitions))
            .WithName("getWorkflow").WithSummary("One workflow: its nodes, edges and graph.").ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/workflows/{id}/graph", Results<ContentHttpResult, ProblemHttpResult> (string id, DefinitionSet definitions) =>
            definitions.Workflows.TryGetValue(id, out var wf) ? TypedResults.Content(WorkflowGraph.ToMermaid(wf), "text/vnd.mermaid") : UnknownWorkflow(id, definitions))
            .WithName("getWorkflowGraph").WithSummary("One workflow's graph as a Mermaid flowchart.")
            .Produces<string>(StatusCodes.Status200OK, "text/vnd.mermaid").ProducesProblems(StatusCodes.Status404NotFound);
    }

    private static WorkflowResponse Describe(WorkflowDefinition wf) => new(
        wf.Id,
        wf.Name,
        wf.Description,
        wf.Start,
        [.. wf.Nodes.Select(n => new WorkflowNodeResponse(n.Id, n.Kind.ToString().ToLowerInvariant(), n.Agent))],
        [.. wf.Edges.Select(e => new WorkflowEdgeResponse(e.From, e.To, e.When, e.MaxRounds))],
        WorkflowGraph.ToMermaid(wf));

    private static ProblemHttpResult UnknownWorkflow(string id, DefinitionSet definitions) =>
        Problems.Status(StatusCodes.Status404NotFound, "Workflow not found", $"'{id}' is not one of {string.Join(", ", definitions.Workflows.Keys)}.");
}
