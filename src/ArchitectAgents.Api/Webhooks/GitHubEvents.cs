using System.Text.Json;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>Reads GitHub <c>issues</c> and <c>issue_comment</c> deliveries (docs.github.com, "Webhook events and payloads").</summary>
internal static class GitHubEvents
{
    public static TicketEvent Read(string eventName, string deliveryId, JsonElement root, GitHubWebhookOptions settings)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookPayloadException("body", "must be a JSON object");
        }

        var action = Str(root, "action") ?? "";
        var name = action.Length > 0 ? $"{eventName}.{action}" : eventName;
        if (eventName is not ("issues" or "issue_comment"))
        {
            return TicketEvent.Ignored(TicketSources.GitHub, deliveryId, name, $"event '{eventName}' is not handled");
        }

        if (!root.TryGetProperty("issue", out var issue) || issue.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("repository", out var repository) || Str(repository, "full_name") is not { } repo
            || !issue.TryGetProperty("number", out var numberElement) || numberElement.ValueKind != JsonValueKind.Number || !numberElement.TryGetInt64(out var number) || number < 1)
        {
            throw new WebhookPayloadException("issue.number", "an issues or issue_comment delivery needs issue.number (a positive whole number) and repository.full_name");
        }

        var ticket = new TicketEvent(TicketSources.GitHub, deliveryId, name, TicketAction.Ignore)
        {
            TicketKey = $"{repo}#{number}",
            TicketUrl = Str(issue, "html_url"),
            CommentsUrl = $"{settings.ApiBaseUrl.TrimEnd('/')}/repos/{repo}/issues/{number}/comments",
            Requester = Str(Prop(root, "sender"), "login"),
        };

        if (eventName == "issue_comment")
        {
            return action == "created" && Prop(root, "comment").ValueKind == JsonValueKind.Object
                ? ticket with { Action = TicketAction.Reply, Reply = Str(Prop(root, "comment"), "body") ?? "" }
                : ticket with { IgnoreReason = $"issue_comment.{action} is not a new reply" };
        }

        var labelled = action switch
        {
            "opened" => issue.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array
                && labels.EnumerateArray().Any(l => string.Equals(Str(l, "name"), settings.Label, StringComparison.OrdinalIgnoreCase)),
            "labeled" => string.Equals(Str(Prop(root, "label"), "name"), settings.Label, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        return labelled
            ? ticket with { Action = TicketAction.Start, Title = Str(issue, "title"), Body = Str(issue, "body") }
            : ticket with { IgnoreReason = $"issues.{action} does not add the '{settings.Label}' label" };
    }

    /// <summary>A property of an object; default (undefined) when <paramref name="element"/> is not an object or lacks it, so any shape a sender posts reads safely.</summary>
    internal static JsonElement Prop(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    internal static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A signed delivery whose JSON lacks something its event needs (400 naming the field).</summary>
internal sealed class WebhookPayloadException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
