namespace ArchitectAgents.Runs.Store;

/// <summary>An API key; only its SHA-256 hash is stored.</summary>
public sealed class ApiKeyRecord
{
    /// <summary>Key id (owner id of the runs it creates).</summary>
    public string Id { get; set; } = "";
    /// <summary>Name given at creation.</summary>
    public string Name { get; set; } = "";
    /// <summary>Hex SHA-256 of the key.</summary>
    public string Hash { get; set; } = "";
    /// <summary>First characters of the key, to recognise it in lists.</summary>
    public string Prefix { get; set; } = "";
    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When it was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
