namespace ArchitectAgents.Core.Gate;

/// <summary>A schema some operation accepts as its request body, with the properties a client can send.</summary>
public sealed record RequestSchema
{
    /// <summary>Component name, for example PaymentCreate.</summary>
    public required string Name { get; init; }

    /// <summary>Properties a client may set (readOnly ones excluded: a server ignores them in requests).</summary>
    public IReadOnlyList<string> Settable { get; init; } = [];

    /// <summary>True when the schema accepts properties it does not list (no <c>additionalProperties: false</c>).</summary>
    public bool Open { get; init; }

    /// <summary>Operations that use it, as METHOD path.</summary>
    public IReadOnlyList<string> UsedBy { get; init; } = [];
}
