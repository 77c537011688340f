using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>
/// The generic webhook body as the OpenAPI document describes it; <see cref="GenericEvents.Read"/> reads the JSON
/// itself. Not closed: other fields are ignored, as trackers add their own.
/// </summary>
[Description("A ticket event from a tracker without its own adapter. ticket.opened starts a run; ticket.commented answers the run's questions; other types are ignored (204).")]
internal sealed record GenericEventBody
{
    [Description("ticket.opened or ticket.commented.")]
    public required string Type { get; init; }

    [Description("The ticket the event is about.")]
    public required GenericTicketBody Ticket { get; init; }

    [Description("Who asked for the design (ticket.opened).")]
    public string? Requester { get; init; }

    [Description("An absolute http or https URL for signed result callbacks (ticket.opened).")]
    public string? CallbackUrl { get; init; }

    [Description("The comment (ticket.commented); its body holds numbered answers.")]
    public GenericCommentBody? Comment { get; init; }

    /// <summary>A ticket.opened delivery.</summary>
    public static JsonNode Example => JsonNode.Parse("""
        {
          "type": "ticket.opened",
          "ticket": { "key": "OPS-42", "title": "Design the booking service", "body": "Patients book, move and cancel appointments online.", "url": "https://tracker.example.org/OPS-42" },
          "requester": "alice"
        }
        """)!;
}

/// <summary>The <c>ticket</c> of <see cref="GenericEventBody"/>.</summary>
internal sealed record GenericTicketBody
{
    [Description("The ticket's key in the tracker; the run is tied to it.")]
    [MaxLength(200)]
    public required string Key { get; init; }

    [Description("Title; ticket.opened needs a title or a body, which together become the brief.")]
    public string? Title { get; init; }

    [Description("Body text.")]
    public string? Body { get; init; }

    [Description("Link to the ticket.")]
    public string? Url { get; init; }
}

/// <summary>The <c>comment</c> of <see cref="GenericEventBody"/>.</summary>
internal sealed record GenericCommentBody
{
    [Description("The comment text: answers as a numbered list, in the order of the questions.")]
    public required string Body { get; init; }
}
