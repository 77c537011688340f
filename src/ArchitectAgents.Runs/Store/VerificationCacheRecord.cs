namespace ArchitectAgents.Runs.Store;

/// <summary>A cached verification lookup (context7 docs, a registry's latest release, an advisory query).</summary>
public sealed class VerificationCacheRecord
{
    /// <summary>Lookup key, for example <c>registry:npm:fastify</c>.</summary>
    public string Key { get; set; } = "";
    /// <summary>The lookup's result as JSON.</summary>
    public string Value { get; set; } = "";
    /// <summary>When it was stored, Unix milliseconds.</summary>
    public long StoredAt { get; set; }
    /// <summary>When it stops being used, Unix milliseconds.</summary>
    public long ExpiresAt { get; set; }
}
