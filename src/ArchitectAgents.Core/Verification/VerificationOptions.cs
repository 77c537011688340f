namespace ArchitectAgents.Core.Verification;

/// <summary>
/// Section <c>Verification</c>: whether the docs verifier looks technologies up (context7, package registries,
/// an OSV-compatible advisory API) instead of only listing the shipped catalogue, and how politely.
/// </summary>
public sealed class VerificationOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Verification";

    /// <summary>Turns the lookup-backed verifier on. Off by default: the embedded default makes no network calls.</summary>
    public bool Enabled { get; set; }

    /// <summary>How many technologies are looked up at once.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Timeout of each single lookup (one registry request, one advisory query), in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>How long a successful lookup is reused from the cache, in minutes.</summary>
    public int CacheTtlMinutes { get; set; } = 720;

    /// <summary>The context7 MCP server.</summary>
    public Context7Options Context7 { get; set; } = new();

    /// <summary>Package registry base URLs.</summary>
    public RegistryOptions Registries { get; set; } = new();

    /// <summary>The OSV-compatible advisory API.</summary>
    public OsvOptions Osv { get; set; } = new();

    /// <summary>User-Agent sent to registries (crates.io refuses requests without one).</summary>
    public string UserAgent { get; set; } = "ArchitectAgents-docs-verifier (+https://github.com/)";
}
