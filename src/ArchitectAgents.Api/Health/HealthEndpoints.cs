using ArchitectAgents.Api.OpenApi;
using ArchitectAgents.Runs.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArchitectAgents.Api.Health;

/// <summary>Liveness and readiness probes (anonymous).</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("health").AllowAnonymous();
        // 400 is RequestLimitsMiddleware's answer to a header that is not printable ASCII, which reaches probes too.
        group.MapGet("/live", () => TypedResults.Ok(new LivenessResponse("live"))).WithName("live")
            .WithSummary("Liveness: the process is up.").ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/ready", async Task<Results<Ok<ReadinessResponse>, JsonHttpResult<ReadinessResponse>>> (IDbContextFactory<ArchitectDbContext> factory, CancellationToken ct) =>
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var queued = await db.Runs.CountAsync(r => r.Status == RunStatuses.Queued, ct);
                return TypedResults.Ok(new ReadinessResponse("ready", db.Database.ProviderName, queued));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return TypedResults.Json(new ReadinessResponse("unavailable", ex.Message, null), statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithName("ready").WithSummary("Readiness: the run store answers; 503 when it does not.")
            .Produces<ReadinessResponse>(StatusCodes.Status503ServiceUnavailable)
            .WithResponseDescription(StatusCodes.Status503ServiceUnavailable, "The run store cannot be read; store holds the reason.").ProducesProblems(StatusCodes.Status400BadRequest);
    }
}
