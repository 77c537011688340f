using System.ComponentModel;
using System.Security.Claims;
using System.Text;
using ArchitectAgents.Runs.Execution;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ArchitectAgents.Mcp;

/// <summary><c>get_deliverables</c>: the files of a finished run, listed or one by name.</summary>
[McpServerToolType]
public sealed class DeliverableTools(RunService runs, RunDeliverables deliverables, McpCaller caller)
{
    [McpServerTool(Name = "get_deliverables", Title = "Get a run's deliverables", ReadOnly = true, OpenWorld = false)]
    [Description("The deliverables of a completed run: without name, the list of files (name, mimeType, bytes, resource uri); " +
        "with name, that file's content (architecture.md, architecture.mmd, openapi.yaml, schema.sql, design.json, review.md).")]
    public async Task<CallToolResult> GetAsync(
        [Description("The run id.")] string runId,
        [Description("One file to return with its content, for example openapi.yaml; omit to list them all.")] string? name = null,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default)
    {
        if (caller.OwnerOf(user) is not { } owner)
        {
            return ToolResults.Error("caller", "is not authenticated");
        }

        if (await runs.GetAsync(owner, runId, cancellationToken).ConfigureAwait(false) is not { } run)
        {
            return RunTools.NotFound(runId);
        }

        if (await deliverables.RenderAsync(owner, runId, cancellationToken).ConfigureAwait(false) is not { } files)
        {
            return ToolResults.Error("runId", $"'{run.Id}' is {run.Status}; deliverables exist once it has completed");
        }

        if (name is null)
        {
            return ToolResults.Ok(new
            {
                runId = run.Id,
                files = files.Select(f => new { name = f.Key, mimeType = RunDeliverables.ContentType(f.Key), bytes = Encoding.UTF8.GetByteCount(f.Value), uri = DeliverableUris.Of(run.Id, f.Key) }),
            });
        }

        return files.TryGetValue(name, out var content)
            ? ToolResults.Ok(new { runId = run.Id, name, mimeType = RunDeliverables.ContentType(name), uri = DeliverableUris.Of(run.Id, name), content })
            : ToolResults.Error("name", $"'{ToolResults.Echo(name)}' is not one of {string.Join(", ", files.Keys)}");
    }
}
