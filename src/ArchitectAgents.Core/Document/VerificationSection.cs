using System.Text.Json.Serialization;

namespace ArchitectAgents.Core.Document;

/// <summary>What the docs verifier found for each candidate technology.</summary>
public sealed class VerificationSection : SectionBase
{
    /// <summary>One entry per technology.</summary>
    public List<VerificationEntry> Entries { get; set; } = [];
}

/// <summary>Verification status of a technology.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerificationStatus>))]
public enum VerificationStatus
{
    /// <summary>Checked against current docs or a registry.</summary>
    [JsonStringEnumMemberName("verified")] Verified,
    /// <summary>A newer stable version exists.</summary>
    [JsonStringEnumMemberName("outdated")] Outdated,
    /// <summary>An advisory affects the chosen version.</summary>
    [JsonStringEnumMemberName("vulnerable")] Vulnerable,
    /// <summary>Nothing current could be consulted.</summary>
    [JsonStringEnumMemberName("unverified")] Unverified,
}

/// <summary>Provenance of one technology's version.</summary>
public sealed class VerificationEntry
{
    /// <summary>Knowledge-base id of the technology.</summary>
    public string TechnologyId { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Ecosystem: npm, nuget, pypi, maven, go, server, cloud-service, tool.</summary>
    public string Ecosystem { get; set; } = "";

    /// <summary>Version the design may use.</summary>
    public string ChosenVersion { get; set; } = "";

    /// <summary>Latest stable version seen, when a source was consulted.</summary>
    public string? LatestStable { get; set; }

    /// <summary>Where the facts came from (context7 library id, registry, knowledge base).</summary>
    public string DocSource { get; set; } = "";

    /// <summary>Documentation URL.</summary>
    public string? DocsUrl { get; set; }

    /// <summary>Short excerpt of what the source said.</summary>
    public string? Excerpt { get; set; }

    /// <summary>The context7 library id the docs were read from, when context7 resolved one.</summary>
    public string? LibraryId { get; set; }

    /// <summary>Every URL a fact in this entry came from (docs page, registry response, advisories).</summary>
    public List<string> SourceUrls { get; set; } = [];

    /// <summary>Advisories that affect <see cref="ChosenVersion"/>.</summary>
    public List<AdvisoryRef> Advisories { get; set; } = [];

    /// <summary>
    /// The version to move to when the entry is <c>outdated</c> or <c>vulnerable</c>: the latest stable release,
    /// or the fixed version when the latest stable is itself affected; null when none is known.
    /// </summary>
    public string? RecommendedVersion { get; set; }

    /// <summary>When the source was checked.</summary>
    public string CheckedAt { get; set; } = "";

    /// <summary>Outcome of the check.</summary>
    public VerificationStatus Status { get; set; } = VerificationStatus.Unverified;

    /// <summary>Why it has that status.</summary>
    public string Reason { get; set; } = "";
}

/// <summary>A known advisory (OSV id) affecting a chosen version.</summary>
public sealed class AdvisoryRef
{
    /// <summary>Advisory id, for example GHSA-xxxx-xxxx-xxxx.</summary>
    public string Id { get; set; } = "";

    /// <summary>Other ids of the same advisory (CVE numbers).</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>One-line summary.</summary>
    public string Summary { get; set; } = "";

    /// <summary>Lowest version that fixes it above the chosen one, when the advisory names one.</summary>
    public string? FixedVersion { get; set; }

    /// <summary>Where to read it.</summary>
    public string Url { get; set; } = "";
}
