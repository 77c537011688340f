namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Every record a use case writes holds something of its own (<see cref="RecordContent"/>). One the design names in a
/// risk, as left for the brief's people to specify, is a declared shortfall and warns; one it passes over fails.
/// </summary>
public sealed class ShellRecordCheck : IDesignCheck
{
    /// <inheritdoc />
    public string Id => "record-content";

    /// <inheritdoc />
    public string Title => "Every record a use case writes holds typed fields of its own, or the design says they are still to be specified";

    /// <inheritdoc />
    public CheckResult Run(DesignView view)
    {
        var shells = RecordContent.Shells(view.Schema, view.Contract);
        var risks = string.Join('\n', view.Design.Risks.Select(r => r.Description));
        var findings = shells.Select(s => new Contradiction(s.Table, $"only {string.Join(", ", s.Columns.Where(c => c is not ("id" or "created_at" or "updated_at")))}{(Declared(risks, s.Table) ? "; named as a risk" : "; not named as a risk")}")).ToList();
        var examined = $"{view.Contract.Operations.Count(o => o.UseCases.Count > 0)} use-case operations against {view.Schema.Tables.Count} tables";
        return new CheckResult(Id, Title, examined, findings, "record(s) a use case writes hold nothing of their own")
        {
            Advisory = shells.All(s => Declared(risks, s.Table)),
        };
    }

    private static bool Declared(string risks, string table) => risks.Contains(table, StringComparison.Ordinal);
}
