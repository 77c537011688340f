namespace ArchitectAgents.Core.Gate;

/// <summary>Every table is read or written by some operation of the contract: a table nothing touches is either dead schema or a missing operation.</summary>
public sealed class UntouchedTableCheck : IDesignCheck
{
    /// <inheritdoc />
    public string Id => "untouched-table";

    /// <inheritdoc />
    public string Title => "Every table is read or written by an API operation";

    /// <inheritdoc />
    public CheckResult Run(DesignView view)
    {
        var touched = view.Contract.Operations.SelectMany(o => ResourceTables.Of(o, view.Schema)).ToHashSet(StringComparer.Ordinal);
        // A job's own tables (a migration's run log) are written by that job, not through the API.
        touched.UnionWith(view.Design.Capabilities.Where(c => c.Operations.Count == 0 && c.Components.Count > 0).SelectMany(c => c.Tables));
        var findings = view.Schema.Tables.Where(t => !touched.Contains(t))
            .Select(t => new Contradiction(t, "no operation's path or x-tables names it")).ToList();
        return new CheckResult(Id, Title, $"{view.Schema.Tables.Count} tables against {view.Contract.Operations.Count} operations", findings, "table(s) no operation reads or writes");
    }
}
