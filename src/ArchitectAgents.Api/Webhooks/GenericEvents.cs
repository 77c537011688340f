using System.Text.Json;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>
/// The generic ticket webhook body, for trackers we have no adapter for. Signed the Standard Webhooks way
/// (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>); the id deduplicates.
/// <code>
/// {"type": "ticket.opened", "ticket": {"key": "OPS-42", "title": "...", "body": "...", "url": "https://..."},
///  "requester": "alice", "callbackUrl": "https://..."}
/// {"type": "ticket.commented", "ticket": {"key": "OPS-42"}, "comment": {"body": "1. ...\n2. ..."}}
/// </code>
/// Results go to <c>callbackUrl</c> as signed callbacks.
/// </summary>
internal static class GenericEvents
{
    public static TicketEvent Read(string deliveryId, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookPayloadException("body", "must be a JSON object");
        }

        var type = GitHubEvents.Str(root, "type") ?? throw new WebhookPayloadException("type", "is required: ticket.opened or ticket.commented");
        if (type is not ("ticket.opened" or "ticket.commented"))
        {
            return TicketEvent.Ignored(TicketSources.Generic, deliveryId, type, $"type '{type}' is not handled");
        }

        if (!root.TryGetProperty("ticket", out var ticket) || GitHubEvents.Str(ticket, "key") is not { Length: > 0 and <= 200 } key)
        {
            throw new WebhookPayloadException("ticket.key", "is required: a string of at most 200 characters");
        }

        var evt = new TicketEvent(TicketSources.Generic, deliveryId, type, TicketAction.Ignore)
        {
            TicketKey = key,
            TicketUrl = GitHubEvents.Str(ticket, "url"),
            Requester = GitHubEvents.Str(root, "requester"),
        };
        if (type == "ticket.commented")
        {
            return root.TryGetProperty("comment", out var comment) && GitHubEvents.Str(comment, "body") is { } reply
                ? evt with { Action = TicketAction.Reply, Reply = reply }
                : throw new WebhookPayloadException("comment.body", "is required for ticket.commented");
        }

        var title = GitHubEvents.Str(ticket, "title");
        var body = GitHubEvents.Str(ticket, "body");
        if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(body))
        {
            throw new WebhookPayloadException("ticket.body", "a ticket.opened delivery needs ticket.title or ticket.body");
        }

        string? callback = null;
        if (root.TryGetProperty("callbackUrl", out var cb) && cb.ValueKind != JsonValueKind.Null)
        {
            callback = cb.ValueKind == JsonValueKind.String ? cb.GetString() : throw new WebhookPayloadException("callbackUrl", "must be an absolute http or https URL");
        }

        return evt with { Action = TicketAction.Start, Title = title, Body = body, CallbackUrl = callback };
    }
}
