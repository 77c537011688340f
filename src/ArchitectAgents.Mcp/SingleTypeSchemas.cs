using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Mcp;

/// <summary>
/// Tool input schemas with one <c>type</c> per value. The generator writes an optional parameter (<c>string? title =
/// null</c>) as <c>"type": ["string", "null"]</c> with <c>"default": null</c>, which clients that map tool schemas onto
/// a single-type dialect (Gemini's function declarations, OpenAPI 3.0) reject or mangle, and which the MCP inspector
/// flags as unportable. Here an optional parameter is simply left out; an explicit null is refused by name like any
/// other wrong type (see <see cref="ToolArgumentCheck"/>).
/// </summary>
internal static class SingleTypeSchemas
{
    public static readonly AIJsonSchemaCreateOptions Options = new() { TransformSchemaNode = (_, node) => Transform(node) };

    private static JsonNode Transform(JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return node;
        }

        if (schema["type"] is JsonArray types && types.Count == 2 && types.Any(t => t?.GetValue<string>() == "null"))
        {
            schema["type"] = types.First(t => t?.GetValue<string>() != "null")!.GetValue<string>();
        }

        if (schema.TryGetPropertyValue("default", out var value) && value is null)
        {
            schema.Remove("default");
        }

        return schema;
    }
}
