using System.Text;
using System.Text.Json;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>
/// Reads Jira Cloud admin-webhook deliveries (developer.atlassian.com, "Webhooks"): <c>jira:issue_created</c>,
/// <c>jira:issue_updated</c> (a run only when the changelog adds the label, so later edits start nothing) and
/// <c>comment_created</c>. Text fields may be wiki-markup strings or Atlassian Document Format.
/// </summary>
internal static class JiraEvents
{
    public static TicketEvent Read(string deliveryId, JsonElement root, JiraWebhookOptions settings)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookPayloadException("body", "must be a JSON object");
        }

        var name = GitHubEvents.Str(root, "webhookEvent") ?? "";
        if (name.Length == 0)
        {
            throw new WebhookPayloadException("webhookEvent", "is required");
        }

        if (name is not ("jira:issue_created" or "jira:issue_updated" or "comment_created"))
        {
            return TicketEvent.Ignored(TicketSources.Jira, deliveryId, name, $"event '{name}' is not handled");
        }

        if (!root.TryGetProperty("issue", out var issue) || GitHubEvents.Str(issue, "key") is not { } key)
        {
            throw new WebhookPayloadException("issue.key", $"a {name} delivery needs the issue key");
        }

        var fields = issue.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        var site = settings.BaseUrl?.TrimEnd('/');
        var ticket = new TicketEvent(TicketSources.Jira, deliveryId, name, TicketAction.Ignore)
        {
            TicketKey = key,
            TicketUrl = site is null ? null : $"{site}/browse/{key}",
            CommentsUrl = site is null ? null : $"{site}/rest/api/3/issue/{Uri.EscapeDataString(key)}/comment",
            Requester = GitHubEvents.Str(GitHubEvents.Prop(root, "user"), "displayName"),
        };

        if (name == "comment_created")
        {
            var comment = GitHubEvents.Prop(root, "comment");
            return GitHubEvents.Prop(comment, "body") is { ValueKind: JsonValueKind.String or JsonValueKind.Object } body
                ? ticket with
                {
                    Action = TicketAction.Reply,
                    Reply = Text(body),
                    Requester = GitHubEvents.Str(GitHubEvents.Prop(comment, "author"), "displayName") ?? ticket.Requester,
                }
                : throw new WebhookPayloadException("comment.body", "a comment_created delivery needs the comment body");
        }

        var labelled = name == "jira:issue_created"
            ? fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array
                && labels.EnumerateArray().Any(l => l.ValueKind == JsonValueKind.String && string.Equals(l.GetString(), settings.Label, StringComparison.OrdinalIgnoreCase))
            : LabelAdded(root, settings.Label);
        return labelled
            ? ticket with { Action = TicketAction.Start, Title = GitHubEvents.Str(fields, "summary"), Body = fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty("description", out var d) ? Text(d) : null }
            : ticket with { IgnoreReason = $"{name} does not add the '{settings.Label}' label" };
    }

    /// <summary>True when the changelog's labels item adds the label (labels are space-separated in from/toString).</summary>
    private static bool LabelAdded(JsonElement root, string label)
    {
        var items = GitHubEvents.Prop(GitHubEvents.Prop(root, "changelog"), "items");
        if (items.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        static bool Has(string? list, string label) =>
            (list ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase));

        return items.EnumerateArray().Any(i => GitHubEvents.Str(i, "field") == "labels"
            && Has(GitHubEvents.Str(i, "toString"), label) && !Has(GitHubEvents.Str(i, "fromString"), label));
    }

    /// <summary>Plain text of a string or an Atlassian Document Format node.</summary>
    internal static string Text(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        var text = new StringBuilder();
        Collect(value, text);
        return text.ToString().Trim();
    }

    private static void Collect(JsonElement node, StringBuilder text)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var type = GitHubEvents.Str(node, "type");
        if (type == "text" && GitHubEvents.Str(node, "text") is { } t)
        {
            text.Append(t);
        }
        else if (type == "hardBreak")
        {
            text.Append('\n');
        }

        if (node.TryGetProperty("content", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            var index = 1;
            foreach (var child in children.EnumerateArray())
            {
                if (type == "orderedList")
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{index++}. ");
                }

                Collect(child, text);
            }
        }

        if (type is "paragraph" or "heading" or "listItem")
        {
            text.Append('\n');
        }
    }
}
