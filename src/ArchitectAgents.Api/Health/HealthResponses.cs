namespace ArchitectAgents.Api.Health;

/// <summary>The liveness answer; <c>status</c> is always "live".</summary>
internal sealed record LivenessResponse(string Status);

/// <summary>
/// The readiness answer: "ready" with the store's provider and the queued run count, or "unavailable" (503) with
/// the reason the store could not be read in <c>store</c>.
/// </summary>
internal sealed record ReadinessResponse(string Status, string? Store, int? Queued);
