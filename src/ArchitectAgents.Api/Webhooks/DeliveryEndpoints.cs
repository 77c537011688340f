using ArchitectAgents.Api.Auth;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Api.OpenApi;
using ArchitectAgents.Api.Runs;
using ArchitectAgents.Runs.Deliveries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArchitectAgents.Api.Webhooks;

/// <summary><c>/v1/deliveries</c>: the caller's outbound callbacks, including the dead-letter list, and replay.</summary>
internal static class DeliveryEndpoints
{
    public static RouteGroupBuilder MapDeliveries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/deliveries").WithTags("deliveries").RequireAuthorization().RequireRateLimiting(ApiInfrastructure.RateLimitPolicy);
        group.MapGet("/", ListAsync).WithName("listDeliveries").WithSummary("Outbound deliveries of the caller's runs, newest first; status=dead is the dead-letter list.")
            .WithParameterDescription("status", $"Only deliveries in this status: {string.Join(", ", DeliveryStatuses.All)}.")
            .WithParameterDescription("runId", "Only deliveries of this run.")
            .WithParameterDescription("limit", "How many, 1 to 100 (default 50).")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapPost("/{id}/replay", ReplayAsync).WithName("replayDelivery").WithSummary("Queue a dead (or delivered) delivery again, with the same webhook-id and a fresh retry schedule.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return group;
    }

    internal static async Task<Results<Ok<DeliveryPage>, ProblemHttpResult>> ListAsync(
        HttpContext http, DeliveryService deliveries, string? status, string? runId, string? limit, CancellationToken ct)
    {
        if (status is not null && !DeliveryStatuses.All.Contains(status))
        {
            return Problems.Field("status", $"must be one of {string.Join(", ", DeliveryStatuses.All)}");
        }

        if (!Query.TryInt(limit, out var size) || size is < 1 or > 100)
        {
            return Problems.Field("limit", "must be a whole number between 1 and 100");
        }

        var items = await deliveries.ListAsync(http.Owner(), status, runId, size ?? 50, ct);
        return TypedResults.Ok(new DeliveryPage([.. items.Select(DeliveryResponse.From)]));
    }

    internal static async Task<Results<Accepted<DeliveryResponse>, ProblemHttpResult>> ReplayAsync(HttpContext http, string id, DeliveryService deliveries, CancellationToken ct)
    {
        if (await deliveries.GetAsync(http.Owner(), id, ct) is not { } delivery)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Delivery not found", $"No delivery '{id}' belongs to this caller.");
        }

        if (!await deliveries.ReplayAsync(http.Owner(), id, ct))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Delivery is still pending", $"Delivery {id} is {delivery.Status}; only dead or delivered ones can be replayed.");
        }

        return TypedResults.Accepted((string?)null, DeliveryResponse.From((await deliveries.GetAsync(http.Owner(), id, ct))!));
    }
}

/// <summary>A page of deliveries.</summary>
internal sealed record DeliveryPage(IReadOnlyList<DeliveryResponse> Items);

/// <summary>One outbound delivery as the API shows it.</summary>
internal sealed record DeliveryResponse(
    string Id, string RunId, string Channel, string EventType, string TargetUrl, string Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatusCode, string? LastError)
{
    public static DeliveryResponse From(DeliveryRecord d) => new(
        d.Id, d.RunId, d.Channel, d.EventType, d.TargetUrl, d.Status, d.Attempts, d.CreatedAt, d.LastAttemptAt,
        d.Status == DeliveryStatuses.Pending ? d.DueAt : null, d.DeliveredAt, d.LastStatusCode, d.LastError);
}
