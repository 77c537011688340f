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
        group.MapGet("/live", () => TypedResults.Ok(new { status = "live" })).WithName("live");
        group.MapGet("/ready", async Task<Results<Ok<object>, JsonHttpResult<object>>> (IDbContextFactory<ArchitectDbContext> factory, CancellationToken ct) =>
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var queued = await db.Runs.CountAsync(r => r.Status == RunStatuses.Queued, ct);
                return TypedResults.Ok((object)new { status = "ready", store = db.Database.ProviderName, queued });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return TypedResults.Json((object)new { status = "unavailable", store = ex.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithName("ready");
    }
}
