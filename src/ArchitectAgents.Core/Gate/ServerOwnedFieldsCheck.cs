namespace ArchitectAgents.Core.Gate;

/// <summary>No request schema lets a client set a field the server owns (id, status, timestamps, owner, derived amounts).</summary>
public sealed class ServerOwnedFieldsCheck : IDesignCheck
{
    /// <inheritdoc />
    public string Id => "server-owned-fields";

    /// <inheritdoc />
    public string Title => "No server-owned field (id, status, timestamps, owner, derived amounts) is settable in a request schema";

    /// <inheritdoc />
    public CheckResult Run(DesignView view)
    {
        var schemas = view.Contract.RequestSchemas;
        var findings = schemas
            .SelectMany(s => s.Settable.Where(ServerOwnedFields.IsServerOwned).Select(field =>
                new Contradiction($"{s.Name}.{field}", $"{ServerOwnedFields.Reason(field)}, bound by {string.Join(", ", s.UsedBy)}")))
            .ToList();
        return new CheckResult(Id, Title, $"{schemas.Count} request schemas ({schemas.Sum(s => s.Settable.Count)} settable fields)", findings,
            $"server-owned field(s) settable in {findings.Select(f => f.Subject.Split('.')[0]).Distinct(StringComparer.Ordinal).Count()} request schema(s)");
    }
}
