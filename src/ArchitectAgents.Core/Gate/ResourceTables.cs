namespace ArchitectAgents.Core.Gate;

/// <summary>Which tables an operation reads or writes: the ones its contract names (x-tables), else the table its resource path names.</summary>
internal static class ResourceTables
{
    /// <summary>Tables of the schema the operation touches.</summary>
    public static IEnumerable<string> Of(ApiOperation op, SqlSchema schema)
    {
        if (op.Tables.Count > 0)
        {
            return op.Tables.Where(t => schema.Tables.Contains(t, StringComparer.Ordinal));
        }

        var resource = Resource(op.Path);
        return resource is null ? [] : schema.Tables.Where(t => Names(resource, t)).Take(1);
    }

    /// <summary>The last literal segment of a path (/v1/users/{id}/consents → consents), snake_case.</summary>
    public static string? Resource(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(s => !s.StartsWith('{') && !IsVersion(s))?.Replace('-', '_').ToLowerInvariant();

    // A resource names a table when they are the same word, or one is the other with a qualifier (exports → data_exports,
    // consents → consent_records).
    private static bool Names(string resource, string table)
    {
        var singular = resource.EndsWith("ies", StringComparison.Ordinal) ? resource[..^3] + "y" : resource.TrimEnd('s');
        return table == resource || table.EndsWith("_" + resource, StringComparison.Ordinal) || table.StartsWith(singular + "_", StringComparison.Ordinal) || table == singular;
    }

    private static bool IsVersion(string segment) => segment.Length >= 2 && segment[0] == 'v' && segment[1..].All(char.IsDigit);
}
