namespace ArchitectAgents.Runs.Deliveries;

/// <summary>States of an outbound delivery.</summary>
public static class DeliveryStatuses
{
    /// <summary>Waiting for its next attempt.</summary>
    public const string Pending = "pending";
    /// <summary>A receiver accepted it (2xx).</summary>
    public const string Delivered = "delivered";
    /// <summary>Every retry failed, or the target is refused: parked until replayed.</summary>
    public const string Dead = "dead";

    /// <summary>Every status.</summary>
    public static IReadOnlyList<string> All { get; } = [Pending, Delivered, Dead];
}
