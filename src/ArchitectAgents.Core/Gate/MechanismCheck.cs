namespace ArchitectAgents.Core.Gate;

/// <summary>
/// What a design says a capability's mechanism consists of is in its artifacts: every table it lists is created by the
/// schema and every operation it lists is in the contract ("seat holds" with no holds table is a claim, not a design).
/// </summary>
public sealed class MechanismCheck : IDesignCheck
{
    /// <inheritdoc />
    public string Id => "mechanism-in-artifacts";

    /// <inheritdoc />
    public string Title => "Each capability's mechanism is in the schema and the contract";

    /// <inheritdoc />
    public CheckResult Run(DesignView view)
    {
        var operations = view.Contract.Operations.Select(o => o.Label).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var findings = new List<Contradiction>();
        var claimed = 0;
        foreach (var capability in view.Design.Capabilities)
        {
            foreach (var table in capability.Tables)
            {
                claimed++;
                if (!view.Schema.Tables.Contains(table, StringComparer.Ordinal))
                {
                    findings.Add(new Contradiction(capability.Name, $"lists table {table}, which the schema does not create"));
                }
            }

            foreach (var operation in capability.Operations)
            {
                claimed++;
                if (!operations.Contains(operation))
                {
                    findings.Add(new Contradiction(capability.Name, $"lists {operation}, which the contract does not have"));
                }
            }
        }

        return new CheckResult(Id, Title, $"{claimed} mechanism tables and operations of {view.Design.Capabilities.Count} capabilities", findings, "mechanism part(s) missing from the artifacts");
    }
}
