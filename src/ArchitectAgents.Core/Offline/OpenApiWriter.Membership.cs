using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

internal static partial class OpenApiWriter
{
    /// <summary>
    /// A group's members live under the group: who is in it (GET), joining it (POST, the member is the caller, taken
    /// from the token, so the body is empty), leaving it (DELETE of one's own membership). Joining is not creating
    /// the group, and a membership is never a top-level resource.
    /// </summary>
    private static void AddMembershipPaths(Dictionary<string, object> paths, EntityInfo group, EntityInfo members, IReadOnlyList<UseCase> useCases)
    {
        var tag = new[] { group.Resource };
        var tables = new[] { members.Table };
        var name = Pascal(members.Name);
        var joins = useCases.Where(u => u.Action != "leave").ToList();
        var leaves = useCases.Where(u => u.Action == "leave").ToList();
        var collection = new Dictionary<string, object>
        {
            ["parameters"] = new[] { Ref("#/components/parameters/Id") },
            ["get"] = new Dictionary<string, object>
            {
                ["operationId"] = "list" + Pascal(members.Table),
                ["x-tables"] = tables,
                ["summary"] = $"Members of a {Words(group.Name)} (cursor-paginated)",
                ["tags"] = tag,
                ["parameters"] = new[] { Ref("#/components/parameters/Limit"), Ref("#/components/parameters/Cursor") },
                ["responses"] = Responses(("200", Json($"#/components/schemas/{name}Page", "A page of members.")), "400", "401", "403", "404", "429"),
            },
        };

        if (joins.Count > 0)
        {
            collection["post"] = new Dictionary<string, object>
            {
                ["operationId"] = "join" + Pascal(group.Name),
                ["x-tables"] = tables,
                ["x-use-cases"] = joins.Select(u => u.Id).ToArray(),
                ["summary"] = string.Join("; ", joins.Select(u => $"{u.Id}: {u.Actor} {u.Action} {u.Object}")) + " (the member is the caller; joining twice returns the existing membership)",
                ["tags"] = tag,
                ["parameters"] = new[] { Ref("#/components/parameters/IdempotencyKey") },
                ["responses"] = Responses(("201", Json($"#/components/schemas/{name}", "The caller's membership.")), "401", "403", "404", "409", "429"),
            };
        }

        paths[$"/v1/{group.Resource}/{{id}}/members"] = collection;
        if (leaves.Count > 0)
        {
            paths[$"/v1/{group.Resource}/{{id}}/members/me"] = new Dictionary<string, object>
            {
                ["parameters"] = new[] { Ref("#/components/parameters/Id") },
                ["delete"] = new Dictionary<string, object>
                {
                    ["operationId"] = "leave" + Pascal(group.Name),
                    ["x-tables"] = tables,
                    ["x-use-cases"] = leaves.Select(u => u.Id).ToArray(),
                    ["summary"] = string.Join("; ", leaves.Select(u => $"{u.Id}: {u.Actor} {u.Action} {u.Object}")),
                    ["tags"] = tag,
                    ["responses"] = Responses(("204", new Dictionary<string, object> { ["description"] = "Left." }), "401", "403", "404", "429"),
                },
            };
        }
    }
}
