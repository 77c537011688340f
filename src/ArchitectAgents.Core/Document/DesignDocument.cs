using System.Text.Json;

namespace ArchitectAgents.Core.Document;

/// <summary>
/// The one shared document the agents fill. Each section records who wrote it and when;
/// <see cref="History"/> keeps every earlier revision so a reader can see what changed.
/// </summary>
public sealed class DesignDocument
{
    /// <summary>Version of this document's shape.</summary>
    public int SchemaVersion { get; set; } = 1;

    /// <summary>Run that produced the document.</summary>
    public string RunId { get; set; } = "";

    /// <summary>Workflow that produced the document.</summary>
    public string Workflow { get; set; } = "";

    /// <summary>The brief.</summary>
    public BriefSection? Brief { get; set; }

    /// <summary>Gathered context.</summary>
    public ContextSection? Context { get; set; }

    /// <summary>Technology verification.</summary>
    public VerificationSection? Verification { get; set; }

    /// <summary>The design deliverables.</summary>
    public DesignSection? Design { get; set; }

    /// <summary>Security and compliance review.</summary>
    public ReviewSection? Review { get; set; }

    /// <summary>Artifact validation.</summary>
    public ValidationSection? Validation { get; set; }

    /// <summary>Checklist gate report.</summary>
    public GateSection? Gate { get; set; }

    /// <summary>Tokens and cost.</summary>
    public UsageSection? Usage { get; set; }

    /// <summary>Every revision ever written, oldest first, including the current ones.</summary>
    public List<SectionRevision> History { get; set; } = [];

    /// <summary>The current content of a section, or null when it was never written.</summary>
    public SectionBase? Get(string section) => SectionNames.Get(this, section);

    /// <summary>
    /// The document as it stood after its first <paramref name="count"/> section writes, rebuilt from the history
    /// (every write keeps the section's whole content), so any earlier state can be served without storing it.
    /// </summary>
    public DesignDocument AtRevision(int count)
    {
        var earlier = new DesignDocument { RunId = RunId, Workflow = Workflow };
        foreach (var entry in History.Take(count))
        {
            SectionNames.Set(earlier, entry.Section, (SectionBase?)entry.Content.Deserialize(SectionNames.TypeOf(entry.Section), DocumentJson.Options));
            earlier.History.Add(entry);
        }

        return earlier;
    }
}

/// <summary>A past revision of one section.</summary>
public sealed class SectionRevision
{
    /// <summary>Section name.</summary>
    public string Section { get; set; } = "";

    /// <summary>Revision number.</summary>
    public int Revision { get; set; }

    /// <summary>Who wrote it.</summary>
    public string Author { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Workflow round it was written in (the designer's revision loop).</summary>
    public int Round { get; set; }

    /// <summary>Fields that differ from the previous revision (for example <c>api.openApiYaml</c>); empty for the first.</summary>
    public List<string> Changed { get; set; } = [];

    /// <summary>The section's content as written.</summary>
    public JsonElement Content { get; set; }
}
