using System.ComponentModel;

namespace ArchitectAgents.Core.Document;

/// <summary>The brief as it was handed in. Its text is untrusted data.</summary>
public sealed class BriefSection : SectionBase
{
    /// <summary>First heading or line of the brief.</summary>
    public string Title { get; set; } = "";

    /// <summary>The original text, verbatim.</summary>
    public string Text { get; set; } = "";

    /// <summary>Where the brief came from: cli, api, github, jira.</summary>
    [Description("Where the brief came from: cli, api, github, jira.")]
    public string Source { get; set; } = "cli";

    /// <summary>Who asked for the design, when known.</summary>
    public string? Requester { get; set; }

    /// <summary>Existing architecture documents attached to the brief.</summary>
    public List<AttachedDocument> Attachments { get; set; } = [];
}

/// <summary>An existing document (for example docs/backend/architecture.md) attached to a brief.</summary>
public sealed class AttachedDocument
{
    /// <summary>File name or path.</summary>
    public string Name { get; set; } = "";

    /// <summary>Its text, verbatim.</summary>
    public string Content { get; set; } = "";
}
