using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Api.Runs;
using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Runs.Execution;

namespace ArchitectAgents.Api.LangGraph;

/// <summary><c>/assistants</c>: the workflows as LangGraph assistants (search, get, graph).</summary>
internal static class AssistantEndpoints
{
    private static readonly string[] SearchFields = ["graph_id", "name", "metadata", "limit", "offset", "sort_by", "sort_order", "select"];

    public static void MapAssistants(this RouteGroupBuilder group)
    {
        group.MapPost("/assistants/search", SearchAsync);
        group.MapGet("/assistants/{assistantId}", Get);
        group.MapGet("/assistants/{assistantId}/graph", Graph);
    }

    internal static async Task<IResult> SearchAsync(HttpContext http, DefinitionSet definitions, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync(http, ct);
        if (body is null)
        {
            return problem!;
        }

        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problems.Field("body", "must be a JSON object");
            }

            if (CreateRunRequest.UnknownField(root, SearchFields, "", [], "") is { } unknown)
            {
                return Problems.Field(unknown.Field, unknown.Error);
            }

            var (limit, offset, pageError) = LangGraphPaging.Read(root);
            if (pageError is not null)
            {
                return Problems.Field(pageError.Value.Field, pageError.Value.Error);
            }

            var graphId = Text(root, "graph_id");
            var name = Text(root, "name");
            JsonObject? metadata = null;
            if (root.TryGetProperty("metadata", out var m) && m.ValueKind != JsonValueKind.Null)
            {
                if (m.ValueKind != JsonValueKind.Object)
                {
                    return Problems.Field("metadata", "must be an object");
                }

                metadata = JsonNode.Parse(m.GetRawText())!.AsObject();
            }

            var matches = definitions.Workflows.Values
                .Select(ToJson)
                .Where(a => graphId is null || a["graph_id"]!.GetValue<string>() == graphId)
                .Where(a => name is null || a["name"]!.GetValue<string>().Contains(name, StringComparison.OrdinalIgnoreCase))
                .Where(a => metadata is null || LangGraphPaging.Contains(a["metadata"]!.AsObject(), metadata))
                .OrderBy(a => a["graph_id"]!.GetValue<string>(), StringComparer.Ordinal)
                .ToList();
            http.Response.Headers["X-Pagination-Total"] = matches.Count.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Content(LangGraphJson.Serialize(new JsonArray([.. matches.Skip(offset).Take(limit)])), "application/json");
        }
    }

    internal static IResult Get(string assistantId, DefinitionSet definitions) =>
        LangGraphAssistants.Resolve(definitions, assistantId) is { } workflow
            ? TypedResults.Content(LangGraphJson.Serialize(ToJson(workflow)), "application/json")
            : NotFound(assistantId);

    /// <summary>The workflow graph in LangGraph's shape: nodes, and edges (conditional where the workflow branches on an outcome).</summary>
    internal static IResult Graph(string assistantId, DefinitionSet definitions)
    {
        if (LangGraphAssistants.Resolve(definitions, assistantId) is not { } workflow)
        {
            return NotFound(assistantId);
        }

        var nodes = new JsonArray(Node("__start__"));
        foreach (var node in workflow.Nodes)
        {
            nodes.Add(Node(node.Id));
        }

        var edges = new JsonArray(new JsonObject { ["source"] = "__start__", ["target"] = workflow.Start, ["conditional"] = false });
        foreach (var edge in workflow.Edges)
        {
            foreach (var (from, to) in edge.From.SelectMany(f => edge.To.Select(t => (f, t))))
            {
                edges.Add(new JsonObject { ["source"] = from, ["target"] = to, ["conditional"] = edge.When.Count > 0, ["data"] = edge.When.Count > 0 ? string.Join(" | ", edge.When) : null });
            }
        }

        return TypedResults.Content(LangGraphJson.Serialize(new JsonObject { ["nodes"] = nodes, ["edges"] = edges }), "application/json");
    }

    private static JsonObject Node(string id) => new() { ["id"] = id, ["type"] = "runnable", ["data"] = new JsonObject { ["id"] = id, ["name"] = id } };

    /// <summary>The assistant, dated by its workflow file (the definition it stands for).</summary>
    private static JsonObject ToJson(WorkflowDefinition workflow) =>
        LangGraphAssistants.ToJson(workflow, File.Exists(workflow.SourcePath) ? new DateTimeOffset(File.GetLastWriteTimeUtc(workflow.SourcePath), TimeSpan.Zero) : DateTimeOffset.UnixEpoch);

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string assistantId) =>
        Problems.Status(StatusCodes.Status404NotFound, "Assistant not found", $"No assistant '{assistantId}'; POST /assistants/search lists them.");
}
