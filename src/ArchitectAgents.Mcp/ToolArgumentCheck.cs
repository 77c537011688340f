using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ArchitectAgents.Mcp;

/// <summary>
/// Checks a tool call's arguments against the tool's own input schema before the SDK binds them. Binding a wrong
/// type (a number for <c>brief</c>) or a missing parameter otherwise fails inside the SDK with a message that names
/// neither the field nor the fix; here it becomes an error result such as <c>interactive must be true or false</c>.
/// Only what our tools' schemas use is checked: type, required, properties, additionalProperties and items.
/// </summary>
internal static class ToolArgumentCheck
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (request, cancellationToken) =>
        {
            if (request.MatchedPrimitive is McpServerTool tool && Problem(tool.ProtocolTool, request.Params?.Arguments) is { } problem)
            {
                return ToolResults.Error(problem.Field, problem.Error);
            }

            return await next(request, cancellationToken).ConfigureAwait(false);
        };

    /// <summary>The first argument that does not fit the tool's schema, or null.</summary>
    internal static (string Field, string Error)? Problem(Tool tool, IDictionary<string, JsonElement>? arguments)
    {
        var schema = tool.InputSchema;
        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var known = properties.ValueKind == JsonValueKind.Object ? properties.EnumerateObject().Select(x => x.Name).ToList() : [];
        foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                var sameName = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                return (ToolResults.Echo(name), sameName is not null
                    ? $"is not a parameter of {tool.Name}; did you mean '{sameName}'? (names are case-sensitive)"
                    : $"is not a parameter of {tool.Name} (parameters: {string.Join(", ", known)})");
            }

            if (Check(value, properties.GetProperty(name), name) is { } wrong)
            {
                return wrong;
            }
        }

        return Missing(schema, arguments?.Keys, "");
    }

    private static (string Field, string Error)? Missing(JsonElement schema, ICollection<string>? present, string prefix)
    {
        if (!schema.TryGetProperty("required", out var required) || required.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
        {
            if (present is null || !present.Contains(name))
            {
                return (prefix + name, "is required");
            }
        }

        return null;
    }

    private static (string Field, string Error)? Check(JsonElement value, JsonElement schema, string path)
    {
        var types = Types(schema);
        if (types.Count > 0 && !types.Any(t => Fits(value, t)))
        {
            return (path, "must be " + string.Join(" or ", types.Select(Describe)));
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
                var extra = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
                foreach (var property in value.EnumerateObject())
                {
                    var field = $"{path}.{ToolResults.Echo(property.Name)}";
                    if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var own))
                    {
                        if (Check(property.Value, own, field) is { } wrong)
                        {
                            return wrong;
                        }
                    }
                    else if (extra.ValueKind == JsonValueKind.False || (extra.ValueKind == JsonValueKind.Undefined && properties.ValueKind == JsonValueKind.Object))
                    {
                        return (field, $"is not a known field (known: {string.Join(", ", properties.EnumerateObject().Select(x => x.Name))})");
                    }
                    else if (extra.ValueKind == JsonValueKind.Object && Check(property.Value, extra, field) is { } wrong)
                    {
                        return wrong;
                    }
                }

                return Missing(schema, [.. value.EnumerateObject().Select(x => x.Name)], path + ".");
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (Check(item, items, $"{path}[{index++}]") is { } wrong)
                    {
                        return wrong;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static List<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.String ? [type.GetString()!]
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()).OfType<string>()]
        : [];

    private static bool Fits(JsonElement value, string type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "number" => value.ValueKind == JsonValueKind.Number,
        // Whole numbers only, and within what the parameter (a long) can hold.
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => true,
    };

    private static string Describe(string type) => type switch
    {
        "string" => "a string",
        "boolean" => "true or false",
        "null" => "null",
        "object" => "an object",
        "array" => "an array",
        "number" => "a number",
        "integer" => "a whole number",
        _ => type,
    };
}
