namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Which records the brief's use cases write but that hold nothing of their own: only an id, timestamps, links to
/// other records, a name, a status or a free-text note. A contract over such a table cannot check what a person
/// enters, so a design either gives it typed fields or says plainly that the brief leaves them to be specified.
/// </summary>
public static class RecordContent
{
    // Columns every record has or that only link or label it; what is left is what the record holds.
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "id", "created_at", "updated_at", "deleted_at", "created_by", "updated_by", "name", "notes", "status", "version", "tenant_id",
    };

    /// <summary>Tables a use case's create, update or action writes whose columns are bookkeeping only, with those columns.</summary>
    public static IReadOnlyList<(string Table, IReadOnlyList<string> Columns)> Shells(SqlSchema schema, OpenApiContract contract)
    {
        var written = contract.Operations
            .Where(o => o.UseCases.Count > 0 && o.Method is "POST" or "PUT" or "PATCH" && o.Tables.Count > 0)
            .Select(o => o.Tables[0]).Distinct(StringComparer.Ordinal);
        return [.. written
            .Where(t => schema.Columns.TryGetValue(t, out var columns) && columns.Count > 0 && columns.All(IsBookkeeping))
            .Select(t => (t, schema.Columns[t]))];
    }

    private static bool IsBookkeeping(string column) => Bookkeeping.Contains(column) || column.EndsWith("_id", StringComparison.Ordinal);
}
