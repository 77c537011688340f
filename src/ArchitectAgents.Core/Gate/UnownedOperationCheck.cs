namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Every operation has somewhere its data lives: a table of the schema (by its x-tables or its resource path), or a
/// component that answers it (x-owner: a probe answered by the service, data held by an external provider).
/// </summary>
public sealed class UnownedOperationCheck : IDesignCheck
{
    /// <inheritdoc />
    public string Id => "unowned-operation";

    /// <inheritdoc />
    public string Title => "Every operation is backed by a table or an owning component";

    /// <inheritdoc />
    public CheckResult Run(DesignView view)
    {
        var components = view.Design.Architecture.Components.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var findings = new List<Contradiction>();
        foreach (var op in view.Contract.Operations)
        {
            var missing = op.Tables.Where(t => !view.Schema.Tables.Contains(t, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                findings.Add(new Contradiction(op.Label, $"x-tables names {string.Join(", ", missing)}, which the schema does not create"));
            }
            else if (!ResourceTables.Of(op, view.Schema).Any() && !(op.Owner is { } owner && components.Contains(owner)))
            {
                findings.Add(new Contradiction(op.Label, op.Owner is { } unknown ? $"x-owner '{unknown}' is not a component" : "no table in the schema and no owning component"));
            }
        }

        return new CheckResult(Id, Title, $"{view.Contract.Operations.Count} operations against {view.Schema.Tables.Count} tables", findings, "operation(s) with no table or owner");
    }
}
