using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Runs.Deliveries;
using ArchitectAgents.Runs.Lifecycle;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>
/// A comment for a ticket, built once from a lifecycle event and rendered as GitHub Markdown or as Atlassian
/// Document Format. Every comment carries <see cref="Marker"/> so our own comments, echoed back by the tracker's
/// webhook, are never read as replies.
/// </summary>
internal sealed record TicketMessage(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<(string Text, string? Detail)> Numbered,
    string? BulletsTitle, IReadOnlyList<string> Bullets, string? LinkText, string? LinkUrl, string Closing, string RunId)
{
    public const string MarkerPrefix = "architect-agents:";

    public string Marker => MarkerPrefix + RunId;

    public static TicketMessage For(RunTransition transition, PublicLinks links)
    {
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(links);
        var run = transition.Run;
        switch (transition.EventType)
        {
            case RunLifecycleEvents.AwaitingInput:
                var due = run.AnswersDueAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "the question timeout";
                return new TicketMessage(
                    "ArchitectAgents needs a few answers before designing",
                    [$"Run {run.Id} has {transition.Questions.Count} clarifying question(s):"],
                    [.. transition.Questions.Select(q => (q.Text, (string?)("Why: " + q.Why)))],
                    null, [], null, null,
                    $"Reply with one comment: numbered answers (1. ..., 2. ...), one line per question, or plain text that answers them all. Questions still open at {due} become stated assumptions.",
                    run.Id);
            case RunLifecycleEvents.Completed:
                var design = transition.Document?.Design;
                var gate = transition.Document?.Gate;
                var decisions = new List<string>();
                if (design is not null)
                {
                    decisions.Add($"Pattern: {design.Architecture.Pattern}. {design.Architecture.Reason}".Trim());
                    decisions.AddRange(design.Tradeoffs.Take(4).Select(t => $"{t.Decision} (optimises for {t.OptimisesFor}; gives up {t.Sacrifices})"));
                    if (design.Technologies.Count > 0)
                    {
                        decisions.Add("Stack: " + string.Join(", ", design.Technologies.Take(8).Select(t => $"{t.Name} {t.Version}".Trim())));
                    }
                }

                return new TicketMessage(
                    $"Design ready: gate verdict {run.Verdict ?? "unknown"}" + (run.Score is { } score ? $" (score {score}/100)" : ""),
                    gate is { Summary.Length: > 0 } ? [gate.Summary] : [],
                    [], "Key decisions", decisions,
                    "Deliverables (architecture report, diagram, OpenAPI, schema, review)", links.Deliverables(run.Id),
                    $"Run {run.Id}. Status: {run.Status}.",
                    run.Id);
            default:
                return new TicketMessage(
                    "The design run failed",
                    [run.Error ?? "The run stopped without a reason."],
                    [], null, [], "Run details", links.Run(run.Id),
                    "Add the label again (or open a new ticket) to start another run.",
                    run.Id);
        }
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("### ").Append(Heading).Append("\n\n");
        foreach (var paragraph in Paragraphs)
        {
            md.Append(paragraph).Append("\n\n");
        }

        for (var i = 0; i < Numbered.Count; i++)
        {
            md.Append(CultureInfo.InvariantCulture, $"{i + 1}. **{Numbered[i].Text}**\n");
            if (Numbered[i].Detail is { } detail)
            {
                md.Append("   _").Append(detail).Append("_\n");
            }
        }

        if (Numbered.Count > 0)
        {
            md.Append('\n');
        }

        if (Bullets.Count > 0)
        {
            md.Append("**").Append(BulletsTitle).Append("**\n\n");
            foreach (var bullet in Bullets)
            {
                md.Append("- ").Append(bullet).Append('\n');
            }

            md.Append('\n');
        }

        if (LinkUrl is not null)
        {
            md.Append(CultureInfo.InvariantCulture, $"[{LinkText}]({LinkUrl})\n\n");
        }

        md.Append(Closing).Append("\n\n<!-- ").Append(Marker).Append(" -->\n");
        return md.ToString();
    }

    /// <summary>An Atlassian Document Format <c>doc</c> node.</summary>
    public JsonObject ToAdf()
    {
        var content = new JsonArray { Node("heading", new JsonObject { ["level"] = 3 }, Text(Heading)) };
        foreach (var paragraph in Paragraphs)
        {
            content.Add(Paragraph(Text(paragraph)));
        }

        if (Numbered.Count > 0)
        {
            var list = new JsonArray();
            foreach (var (text, detail) in Numbered)
            {
                var item = new JsonArray { Paragraph(Text(text, Mark("strong"))) };
                if (detail is not null)
                {
                    item.Add(Paragraph(Text(detail, Mark("em"))));
                }

                list.Add(new JsonObject { ["type"] = "listItem", ["content"] = item });
            }

            content.Add(new JsonObject { ["type"] = "orderedList", ["content"] = list });
        }

        if (Bullets.Count > 0)
        {
            content.Add(Paragraph(Text(BulletsTitle ?? "", Mark("strong"))));
            var list = new JsonArray();
            foreach (var bullet in Bullets)
            {
                list.Add(new JsonObject { ["type"] = "listItem", ["content"] = new JsonArray { Paragraph(Text(bullet)) } });
            }

            content.Add(new JsonObject { ["type"] = "bulletList", ["content"] = list });
        }

        if (LinkUrl is not null)
        {
            // ADF links need an absolute href; without a public base URL the path is shown as text.
            content.Add(Uri.TryCreate(LinkUrl, UriKind.Absolute, out _)
                ? Paragraph(Text(LinkText ?? LinkUrl, new JsonObject { ["type"] = "link", ["attrs"] = new JsonObject { ["href"] = LinkUrl } }))
                : Paragraph(Text($"{LinkText}: {LinkUrl}")));
        }

        content.Add(Paragraph(Text(Closing)));
        content.Add(Paragraph(Text(Marker, Mark("code"))));
        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
    }

    public string ToGitHubPayload() => new JsonObject { ["body"] = ToMarkdown() }.ToJsonString();

    public string ToJiraPayload() => new JsonObject { ["body"] = ToAdf() }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static JsonObject Paragraph(JsonObject text) => new() { ["type"] = "paragraph", ["content"] = new JsonArray { text } };

    private static JsonObject Node(string type, JsonObject attrs, JsonObject text) => new() { ["type"] = type, ["attrs"] = attrs, ["content"] = new JsonArray { text } };

    private static JsonObject Mark(string type) => new() { ["type"] = type };

    private static JsonObject Text(string text, JsonObject? mark = null)
    {
        // ADF rejects empty text nodes.
        var node = new JsonObject { ["type"] = "text", ["text"] = text.Length == 0 ? " " : text };
        if (mark is not null)
        {
            node["marks"] = new JsonArray { mark };
        }

        return node;
    }
}
