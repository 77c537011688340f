namespace ArchitectAgents.Api.Webhooks;

/// <summary>What a verified webhook delivery asks for, whatever its source.</summary>
internal enum TicketAction
{
    /// <summary>Nothing: an event or action we do not act on.</summary>
    Ignore,
    /// <summary>Start a design run from the ticket.</summary>
    Start,
    /// <summary>A reply on the ticket: it may answer the run's questions.</summary>
    Reply,
}

/// <summary>A verified delivery, reduced to what the intake needs.</summary>
internal sealed record TicketEvent(string Source, string DeliveryId, string Event, TicketAction Action)
{
    public string? TicketKey { get; init; }
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? Requester { get; init; }
    public string? CommentsUrl { get; init; }
    public string? TicketUrl { get; init; }
    public string? Reply { get; init; }
    public string? CallbackUrl { get; init; }
    public string? IgnoreReason { get; init; }

    public static TicketEvent Ignored(string source, string deliveryId, string evt, string reason) =>
        new(source, deliveryId, evt, TicketAction.Ignore) { IgnoreReason = reason };
}
