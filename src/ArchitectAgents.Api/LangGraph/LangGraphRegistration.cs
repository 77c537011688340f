using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Runs.Threads;

namespace ArchitectAgents.Api.LangGraph;

/// <summary>
/// The LangGraph-compatible run API: the subset of LangGraph Server's API that <c>@langchain/langgraph-sdk</c> needs
/// for assistants, threads, runs, streaming and interrupts, mapped onto the service's own runs. It has its own
/// prefix, the same key auth, rate limit and owner scoping as <c>/v1</c>, and stays out of the service's OpenAPI
/// document (it is LangGraph's contract, documented by LangGraph, not ours).
/// </summary>
internal static class LangGraphRegistration
{
    /// <summary>Where the API lives; clients use <c>{service}/langgraph</c> as the SDK's <c>apiUrl</c>.</summary>
    public const string Prefix = "/langgraph";

    public static IServiceCollection AddLangGraphApi(this IServiceCollection services)
    {
        services.AddSingleton<ThreadStore>();
        services.AddSingleton<LangGraphRuns>();
        return services;
    }

    public static RouteGroupBuilder MapLangGraph(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).RequireAuthorization().RequireRateLimiting(ApiInfrastructure.RateLimitPolicy);
        group.ExcludeFromDescription();
        group.MapAssistants();
        group.MapThreads();
        group.MapThreadRuns();
        return group;
    }
}
