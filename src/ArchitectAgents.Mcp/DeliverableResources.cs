using ArchitectAgents.Core.Rendering;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ArchitectAgents.Mcp;

/// <summary>
/// The deliverables of the caller's finished runs as resources: one template per file of the deliverable set, each
/// with its own MIME type (<c>architect://runs/{runId}/deliverables/openapi.yaml</c> is <c>application/yaml</c>), and
/// a listing (<c>resources/list</c>) of every file of every completed run, newest run first.
/// </summary>
public static class DeliverableResources
{
    /// <summary>Runs per page of the listing; each finished run lists its six files.</summary>
    private const int PageSize = 50;

    /// <summary>The resource templates, one per deliverable file name.</summary>
    public static IEnumerable<McpServerResource> Templates() => DeliverableSet.Names.Select(name => McpServerResource.Create(
        (string runId, RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken) => ReadAsync(runId, name, request, cancellationToken),
        new McpServerResourceCreateOptions
        {
            UriTemplate = $"architect://runs/{{runId}}/deliverables/{name}",
            Name = name,
            Title = $"{name} of a design run",
            Description = $"The {name} deliverable of a completed design run ({Describe(name)}).",
            MimeType = RunDeliverables.ContentType(name),
        }));

    private static async Task<TextResourceContents> ReadAsync(string runId, string name, RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken)
    {
        var services = request.Services ?? throw new InvalidOperationException("resources/read reached without request services");
        var owner = services.GetRequiredService<McpCaller>().OwnerOf(request.User)
            ?? throw new McpProtocolException("The caller is not authenticated.", McpErrorCode.InvalidRequest);
        var files = await services.GetRequiredService<RunDeliverables>().RenderAsync(owner, runId, cancellationToken).ConfigureAwait(false)
            ?? throw new McpProtocolException($"Run '{ToolResults.Echo(runId)}' is not a completed run visible to this caller.", McpErrorCode.ResourceNotFound);
        return new TextResourceContents { Uri = DeliverableUris.Of(runId, name), MimeType = RunDeliverables.ContentType(name), Text = files[name] };
    }

    private static string Describe(string name) => name switch
    {
        DeliverableSet.Report => "the full architecture report",
        DeliverableSet.Diagram => "the architecture diagram, Mermaid",
        DeliverableSet.OpenApi => "the OpenAPI 3.1 contract",
        DeliverableSet.Schema => "the PostgreSQL schema",
        DeliverableSet.Document => "the whole design document with its revisions",
        DeliverableSet.Review => "the security review and the gate's checklist",
        _ => name,
    };

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
