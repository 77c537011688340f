using System.ComponentModel;

namespace ArchitectAgents.Core.Document;

/// <summary>Provenance every section of the design document carries.</summary>
public abstract class SectionBase
{
    /// <summary>Id of the agent (or engine node) that wrote this revision.</summary>
    [Description("Id of the agent or engine node that wrote this revision.")]
    public string Author { get; set; } = "";

    /// <summary>1 for the first write, incremented on each rewrite.</summary>
    public int Revision { get; set; }

    /// <summary>When this revision was written.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Doc ids, URLs or section names this revision relied on.</summary>
    public List<string> Sources { get; set; } = [];
}
