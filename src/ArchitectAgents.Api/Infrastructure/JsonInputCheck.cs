using System.Text.Json;

namespace ArchitectAgents.Api.Infrastructure;

/// <summary>
/// What a JSON parser lets through but this API refuses, found in one walk so every endpoint applies the same rules:
/// a key given twice (System.Text.Json keeps the last, so <c>{"budget":…,"budget":null}</c> would silently drop
/// the first) and a <c>\u</c> escape that is half a surrogate pair (it parses, then fails to read as a string).
/// </summary>
internal static class JsonInputCheck
{
    /// <summary>The first problem in <paramref name="root"/>, with the path of the field it is in; null when there is none.</summary>
    public static (string Field, string Error)? FindProblem(JsonElement root) => Walk(root, "");

    private static (string Field, string Error)? Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return (Name(path), "has a field name with an invalid \\u escape (half of a surrogate pair); send valid Unicode text");
                    }

                    var field = path.Length == 0 ? name : $"{path}.{name}";
                    if (!seen.Add(name))
                    {
                        return (field, "is given more than once; each field may appear once");
                    }

                    if (Walk(property.Value, field) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, $"{Name(path)}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return (Name(path), "contains an invalid \\u escape (half of a surrogate pair); send valid Unicode text");
                }

            default:
                return null;
        }
    }

    private static string Name(string path) => path.Length == 0 ? "body" : path;
}
