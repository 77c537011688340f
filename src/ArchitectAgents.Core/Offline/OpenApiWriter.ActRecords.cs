using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// A use case whose act is itself a record ("investigators sign off casebooks" beside a capability's
/// <c>POST /casebooks/{id}/signatures</c>; "managers approve requests" beside <c>/requests/{id}/approvals</c>) is
/// served by the operation that writes that record, with its typed body, not by a second bare action taking only a
/// reason: the use case moves onto it and the bare action is dropped. The act record is the sibling whose table
/// names the verb's act (sign → signature, approve → approval, review → review, certify → certification).
/// </summary>
internal static partial class OpenApiWriter
{
    private static readonly string[] GuardKeys = ["x-pre-checks", "x-preconditions"];
    private static readonly string[] ActSuffixes = ["", "s", "ature", "al", "ment", "ation", "ication", "cation", "tion", "ion", "ing", "ance", "ence", "ure"];

    private static void MergeActRecords(Dictionary<string, object> paths)
    {
        foreach (var (path, value) in paths.ToList())
        {
            if (value is not Dictionary<string, object> item || !item.TryGetValue("post", out var p) || p is not Dictionary<string, object> action
                || !action.TryGetValue("x-use-cases", out var ids))
            {
                continue;
            }

            var at = path.LastIndexOf("/{id}/", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var verb = path[(at + "/{id}/".Length)..].Split('-')[0];
            var act = paths.FirstOrDefault(x => x.Key != path && x.Key.StartsWith(path[..(at + "/{id}/".Length)], StringComparison.Ordinal) && !x.Key[(at + "/{id}/".Length)..].Contains('/')
                && x.Value is Dictionary<string, object> other && other.TryGetValue("post", out var o) && o is Dictionary<string, object> record
                && !record.ContainsKey("x-use-cases") && record.TryGetValue("x-tables", out var t) && t is IEnumerable<string> tables && tables.FirstOrDefault() is { } table
                && NamesAct(table, verb));
            if (act.Value is not Dictionary<string, object> target || target["post"] is not Dictionary<string, object> write)
            {
                continue;
            }

            write["x-use-cases"] = ids is IEnumerable<string> served ? served.ToArray() : ids;
            write["summary"] = $"{action.GetValueOrDefault("summary")}: {write.GetValueOrDefault("summary")}";
            // The act's record comes first (it is what the call writes); the parent follows, since the act changes it too
            // (its state, the signed version).
            var parentTables = action.TryGetValue("x-tables", out var pt) && pt is IEnumerable<string> parent ? parent : [];
            write["x-tables"] = ((IEnumerable<string>)write["x-tables"]).Concat(parentTables).Distinct(StringComparer.Ordinal).ToList();
            foreach (var key in GuardKeys.Where(action.ContainsKey))
            {
                write[key] = action[key];
            }

            item.Remove("post");
            if (item.Keys.All(k => k == "parameters"))
            {
                paths.Remove(path);
            }
        }
    }

    /// <summary>True when the table's record is the act of the verb ("casebook_signatures" for "sign").</summary>
    private static bool NamesAct(string table, string verb)
    {
        var head = Inflection.Singular(table.Split('_')[^1]);
        var stem = verb.Length > 3 && verb.EndsWith('e') ? verb[..^1] : verb.Length > 3 && verb.EndsWith('y') ? verb[..^1] + "i" : verb;
        return stem.Length >= 3 && head.StartsWith(stem, StringComparison.Ordinal) && ActSuffixes.Contains(head[stem.Length..], StringComparer.Ordinal);
    }
}
