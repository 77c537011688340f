namespace ArchitectAgents.Core.Knowledge;

/// <summary>A technology in the shipped catalogue, with the version and where it came from.</summary>
public sealed class TechnologyInfo
{
    /// <summary>The same technology under a name fitted to one design ("Managed PaaS in France (OVHcloud, …)").</summary>
    public TechnologyInfo Named(string name)
    {
        var copy = (TechnologyInfo)MemberwiseClone();
        copy.Name = name;
        return copy;
    }

    /// <summary>Unique id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Category, for example database.</summary>
    public string Category { get; set; } = "";
    /// <summary>npm, nuget, pypi, maven, go, server, cloud-service, tool.</summary>
    public string Ecosystem { get; set; } = "";
    /// <summary>Registry package name, when any.</summary>
    public string Package { get; set; } = "";
    /// <summary>Container image on Docker Hub (namespace/name) whose tags carry the version, when any.</summary>
    public string Image { get; set; } = "";
    /// <summary>Catalogued version.</summary>
    public string Version { get; set; } = "";
    /// <summary>Where the version came from.</summary>
    public string VersionSource { get; set; } = "";
    /// <summary>Documentation URL.</summary>
    public string DocsUrl { get; set; } = "";
    /// <summary>Library name to resolve with context7.</summary>
    public string Context7Query { get; set; } = "";
    /// <summary>True when deprecated.</summary>
    public bool Deprecated { get; set; }
    /// <summary>Language stacks it belongs to, or any.</summary>
    public List<string> Stacks { get; set; } = [];
    /// <summary>What it is good for.</summary>
    public List<string> GoodFor { get; set; } = [];
    /// <summary>Other names briefs use for it ("Postgres", "Rails", "Azure AD"), so an existing decision is recognised.</summary>
    public List<string> Aliases { get; set; } = [];
    /// <summary>Default purpose in a design.</summary>
    public string Purpose { get; set; } = "";
    /// <summary>For a data-access library, the tool that versions schema changes beside it ("Flyway" for Spring Data JPA); empty when the library does it itself or has none.</summary>
    public string Migrations { get; set; } = "";
    /// <summary>Categories of what it runs on ("cache" for Sidekiq, which keeps its queues in Redis): a design that picks it picks the kit's choice of each.</summary>
    public List<string> Requires { get; set; } = [];
}

/// <summary>The technology catalogue file.</summary>
public sealed class TechnologyCatalog
{
    /// <summary>Date the catalogue was last checked.</summary>
    public string CheckedAt { get; set; } = "";
    /// <summary>Entries.</summary>
    public List<TechnologyInfo> Technologies { get; set; } = [];
}
