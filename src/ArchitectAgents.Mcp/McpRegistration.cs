using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ArchitectAgents.Mcp;

/// <summary>Registers the design workflow's MCP server: its tools, the deliverable resources, and the argument check.</summary>
public static class McpRegistration
{
    /// <summary>
    /// Adds the MCP server over the run services (<c>AddArchitectRuns</c> must be registered too). The caller picks
    /// the transport on the returned builder: <c>WithHttpTransport()</c> on the service, <c>WithStdioServerTransport()</c>
    /// in the CLI.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="ownerOf">The run owner a request acts for, from its user (null over stdio); null refuses the request.</param>
    public static IMcpServerBuilder AddArchitectMcp(this IServiceCollection services, Func<ClaimsPrincipal?, string?> ownerOf)
    {
        services.AddSingleton(new McpCaller(ownerOf));
        return services
            .AddMcpServer(o =>
            {
                o.ServerInfo = new Implementation
                {
                    Name = "architect-agents",
                    Title = "ArchitectAgents",
                    Version = typeof(McpRegistration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0",
                };
                o.ServerInstructions = "Turns a software brief into a validated architecture design. Call start_design with the brief, " +
                    "then wait_for_run; if the run is awaiting_input, answer its questions with answer_questions; when it has completed, " +
                    "read the files with get_deliverables or as architect://runs/{runId}/deliverables/{name} resources.";
            })
            .WithDesignTools<StartDesignTool>()
            .WithDesignTools<RunTools>()
            .WithDesignTools<WaitForRunTool>()
            .WithDesignTools<DeliverableTools>()
            .WithResources(DeliverableResources.Templates())
            .WithListResourcesHandler(DeliverableResources.ListAsync)
            .WithRequestFilters(filters => filters.AddCallToolFilter(ToolArgumentCheck.Filter));
    }

    /// <summary>
    /// <c>WithTools&lt;T&gt;()</c> as the SDK does it (a tool per attributed method, the instance created per call from the
    /// request's services), with the single-type input schemas; the SDK's overload cannot take schema options.
    /// </summary>
    private static IMcpServerBuilder WithDesignTools<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] T>(this IMcpServerBuilder builder)
        where T : class
    {
        foreach (var method in typeof(T).GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null))
        {
            builder.Services.AddSingleton(services => McpServerTool.Create(
                method,
                request => ActivatorUtilities.CreateInstance<T>(request.Services ?? services),
                new McpServerToolCreateOptions { Services = services, SchemaCreateOptions = SingleTypeSchemas.Options }));
        }

        return builder;
    }
}
