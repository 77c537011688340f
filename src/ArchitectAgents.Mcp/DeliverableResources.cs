using System.ComponentModel;
using System.Security.Claims;
using ArchitectAgents.Core.Rendering;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ArchitectAgents.Mcp;

/// <summary>
/// The deliverables of the caller's finished runs as resources: one template to read any of them, and a listing
/// (<c>resources/list</c>) of every file of every completed run, newest run first.
/// </summary>
[McpServerResourceType]
public sealed class DeliverableResources(RunDeliverables deliverables, McpCaller caller)
{
    /// <summary>Runs per page of the listing; each finished run lists its six files.</summary>
    private const int PageSize = 50;

    [McpServerResource(UriTemplate = DeliverableUris.Template, Name = "deliverable", Title = "A deliverable of a design run")]
    [Description("One deliverable file of a completed design run: architecture.md, architecture.mmd, openapi.yaml, schema.sql, design.json or review.md.")]
    public async Task<TextResourceContents> ReadAsync(string runId, string name, ClaimsPrincipal? user, CancellationToken cancellationToken = default)
    {
        var owner = caller.OwnerOf(user) ?? throw new McpProtocolException("The caller is not authenticated.", McpErrorCode.InvalidRequest);
        var files = await deliverables.RenderAsync(owner, runId, cancellationToken).ConfigureAwait(false)
            ?? throw new McpProtocolException($"Run '{ToolResults.Echo(runId)}' is not a completed run visible to this caller.", McpErrorCode.ResourceNotFound);
        return files.TryGetValue(name, out var content)
            ? new TextResourceContents { Uri = DeliverableUris.Of(runId, name), MimeType = RunDeliverables.ContentType(name), Text = content }
            : throw new McpProtocolException($"'{ToolResults.Echo(name)}' is not one of {string.Join(", ", files.Keys)}.", McpErrorCode.ResourceNotFound);
    }

    /// <summary>
    /// <c>resources/list</c>: pages through the caller's runs with the run list's own cursor and lists the files of the
    /// finished ones (a page may hold none and still have a next cursor). Names come from the deliverable set, so
    /// listing renders nothing.
    /// </summary>
    public static async ValueTask<ListResourcesResult> ListAsync(RequestContext<ListResourcesRequestParams> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var services = request.Services ?? throw new InvalidOperationException("resources/list reached without request services");
        if (services.GetRequiredService<McpCaller>().OwnerOf(request.User) is not { } owner)
        {
            throw new McpProtocolException("The caller is not authenticated.", McpErrorCode.InvalidRequest);
        }

        var cursor = request.Params?.Cursor;
        if (!RunCursor.IsValid(cursor))
        {
            throw new McpProtocolException("cursor is not one this server returned.", McpErrorCode.InvalidParams);
        }

        var (items, next) = await services.GetRequiredService<RunService>().ListAsync(owner, null, null, null, PageSize, cursor, cancellationToken).ConfigureAwait(false);
        var result = new ListResourcesResult { NextCursor = next };
        foreach (var run in items.Where(r => r.Status is RunStatuses.Completed or RunStatuses.CompletedWithIssues))
        {
            foreach (var name in DeliverableSet.Names)
            {
                result.Resources.Add(new Resource
                {
                    Uri = DeliverableUris.Of(run.Id, name),
                    Name = $"{run.Id}/{name}",
                    Title = $"{name} of run {run.Id}",
                    Description = $"Deliverable of run {run.Id} ({run.Status}, gate {run.Verdict ?? "n/a"}, created {run.CreatedAt:u}).",
                    MimeType = RunDeliverables.ContentType(name),
                });
            }
        }

        return result;
    }
}
