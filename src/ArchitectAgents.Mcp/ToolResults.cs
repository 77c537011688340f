using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol.Protocol;

namespace ArchitectAgents.Mcp;

/// <summary>
/// The two shapes a tool answers with: a JSON result (as text for every client and as structured content), or an
/// error result (<c>isError: true</c>) whose message starts with the field to blame, never an exception trace.
/// </summary>
internal static class ToolResults
{
    /// <summary>camelCase like the REST API, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Deliverables are Markdown, YAML and SQL: '+', '<' and quotes stay readable in the text block, as in the REST API.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static CallToolResult Ok(object value)
    {
        var element = JsonSerializer.SerializeToElement(value, Json);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = element.GetRawText() }],
            StructuredContent = element,
        };
    }

    /// <summary>An error naming its field: <c>brief is empty</c>, <c>answers.q-x is not a pending question …</c>.</summary>
    public static CallToolResult Error(string field, string error) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = $"{field} {error}" }],
    };

    /// <summary>
    /// Caller-supplied text quoted back in a message (an unknown run id, a file name): cut short and stripped of
    /// control characters, so a message can never carry more of the input than it needs to name it.
    /// </summary>
    public static string Echo(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var clean = new string([.. text.Take(100).Select(c => char.IsControl(c) ? ' ' : c)]);
        return text.Length > 100 ? clean + "…" : clean;
    }
}
