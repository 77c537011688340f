namespace ArchitectAgents.Core.Knowledge;

/// <summary>A domain entity the designer can turn into a table and an API resource.</summary>
public sealed class EntityInfo
{
    /// <summary>Singular snake_case name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Table name.</summary>
    public string Table { get; set; } = "";
    /// <summary>URL segment.</summary>
    public string Resource { get; set; } = "";
    /// <summary>Words that signal the entity in a brief.</summary>
    public List<string> Keywords { get; set; } = [];
    /// <summary>Entities it references.</summary>
    public List<string> Requires { get; set; } = [];
    /// <summary>none, pii, phi, pan, financial.</summary>
    public string Sensitivity { get; set; } = "none";
    /// <summary>Columns besides id and timestamps.</summary>
    public List<EntityColumn> Columns { get; set; } = [];
    /// <summary>Index column lists.</summary>
    public List<List<string>> Indexes { get; set; } = [];
    /// <summary>Unique column lists.</summary>
    public List<List<string>> Unique { get; set; } = [];

    /// <summary>Table constraints beyond keys and uniques, as SQL ("EXCLUDE USING gist (room_id WITH =, …)").</summary>
    public List<string> Constraints { get; set; } = [];
    /// <summary>Access patterns the indexes serve.</summary>
    public List<string> AccessPatterns { get; set; } = [];

    /// <summary>For a group's membership table (channel_members), the group's entity; its rows are read and written under the group.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? MemberOf { get; set; }

    /// <summary>In a services split, the service whose own database keeps the table; null in one deployable.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? OwnedBy { get; set; }

    /// <summary>Kept by the server for its own bookkeeping (idempotency keys): a table, never an API resource.</summary>
    public bool ServerOnly { get; set; }
}

/// <summary>A column.</summary>
public sealed class EntityColumn
{
    /// <summary>Column name.</summary>
    public string Name { get; set; } = "";
    /// <summary>PostgreSQL type.</summary>
    public string Type { get; set; } = "text";
    /// <summary>Whether NULL is allowed.</summary>
    public bool Nullable { get; set; }
    /// <summary>Referenced entity name.</summary>
    public string? References { get; set; }
    /// <summary>CHECK expression.</summary>
    public string? Check { get; set; }
    /// <summary>DEFAULT expression.</summary>
    public string? Default { get; set; }

    /// <summary>For a request field that carries a batch (a device's queued operations), the table whose records it lists; null for a scalar.</summary>
    public string? Items { get; set; }

    /// <summary>For a request field, what the caller sends and why, when its name does not say it (a re-authentication token); null otherwise.</summary>
    public string? Description { get; set; }

    /// <summary>Largest batch one call takes (a bigger backlog goes over several calls, in order); 0: no bound stated.</summary>
    public int MaxItems { get; set; }

    /// <summary>A copy to change: a template's columns are shared by every run of the process.</summary>
    public EntityColumn Copy() => (EntityColumn)MemberwiseClone();
}

/// <summary>The entities file.</summary>
public sealed class EntityCatalog
{
    /// <summary>Templates every domain has (users, notifications, payments, documents): their names are no sign of another domain.</summary>
    public List<string> CrossCutting { get; set; } = [];

    /// <summary>Entries.</summary>
    public List<EntityInfo> Entities { get; set; } = [];
}
