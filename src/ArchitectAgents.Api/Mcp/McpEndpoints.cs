using ArchitectAgents.Api.Auth;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Mcp;
using ModelContextProtocol.AspNetCore;

namespace ArchitectAgents.Api.Mcp;

/// <summary>The MCP server over Streamable HTTP at <c>/mcp</c>, behind the same auth, owner scoping and rate limit as <c>/v1</c>.</summary>
internal static class McpEndpoints
{
    public const string Path = "/mcp";

    public static IServiceCollection AddArchitectMcpEndpoint(this IServiceCollection services)
    {
        // A request without the owner claim never reaches a tool (the endpoint requires it); null refuses it anyway.
        services.AddArchitectMcp(user => user is null ? null : Callers.OwnerOf(user))
            // Stateless: any API node can answer any request, with no session affinity behind a load balancer, and
            // nothing the tools need lives in a session (runs and their events are in the store).
            .WithHttpTransport(o => o.SessionMode = HttpServerSessionMode.Stateless);
        return services;
    }

    public static IEndpointConventionBuilder MapArchitectMcp(this IEndpointRouteBuilder app) =>
        app.MapMcp(Path)
            .RequireAuthorization()
            .RequireRateLimiting(ApiInfrastructure.RateLimitPolicy)
            // JSON-RPC over one path is not a REST operation; the MCP tools describe themselves through tools/list.
            .ExcludeFromDescription();
}
