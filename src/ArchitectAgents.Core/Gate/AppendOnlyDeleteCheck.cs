namespace ArchitectAgents.Core.Gate;

/// <summary>No DELETE (and no PATCH) on records that are facts once written: ledgers, postings, payments, transactions, audit trails, event logs.</summary>
public sealed class AppendOnlyDeleteCheck : IDesignCheck
{
    /// <inheritdoc />
    public string Id => "append-only-delete";

    /// <inheritdoc />
    public string Title => "No DELETE on append-only records (ledger, postings, payments, transactions, audit, events)";

    /// <inheritdoc />
    public CheckResult Run(DesignView view)
    {
        var deletes = view.Contract.Operations.Where(o => o.Method == "DELETE").ToList();
        var findings = new List<Contradiction>();
        foreach (var op in deletes)
        {
            var tables = ResourceTables.Of(op, view.Schema).ToList();
            var names = tables.Count > 0 ? tables : [ResourceTables.Resource(op.Path) ?? op.Path];
            foreach (var name in names.Where(n => AppendOnlyRecords.IsAppendOnly(n, view.Schema.Comments.GetValueOrDefault(n))))
            {
                findings.Add(new Contradiction(op.Label, $"{name} records are append-only; correct them with a reversing or superseding record"));
            }
        }

        return new CheckResult(Id, Title, $"{deletes.Count} DELETE operations", findings, "DELETE operation(s) on append-only records");
    }
}
