namespace ArchitectAgents.Api.Catalog;

/// <summary>An agent as <c>GET /v1/agents</c> shows it (its instructions and source file stay on the server).</summary>
internal sealed record AgentSummary(
    string Id, string Name, string Description, IReadOnlyList<string> Reads, IReadOnlyList<string> Writes, IReadOnlyList<string> Outcomes, string Model, IReadOnlyList<string> Tools);

/// <summary>A workflow as the catalog shows it, with its graph as Mermaid.</summary>
internal sealed record WorkflowResponse(
    string Id, string Name, string Description, string Start, IReadOnlyList<WorkflowNodeResponse> Nodes, IReadOnlyList<WorkflowEdgeResponse> Edges, string Mermaid);

/// <summary>A node of a workflow; <c>kind</c> is the node kind in lower case, <c>agent</c> the agent it runs, if any.</summary>
internal sealed record WorkflowNodeResponse(string Id, string Kind, string? Agent);

/// <summary>An edge of a workflow: taken from any of <c>from</c> to all of <c>to</c> when the outcome is one of <c>when</c> (always when empty).</summary>
internal sealed record WorkflowEdgeResponse(IReadOnlyList<string> From, IReadOnlyList<string> To, IReadOnlyList<string> When, int? MaxRounds);
