using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ArchitectAgents.Core.Document;

/// <summary>Serialisation of the design document and its JSON Schema, generated from the C# types.</summary>
public static class DocumentJson
{
    /// <summary>Options used for the document everywhere: camelCase, enums as strings, nulls omitted.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: false);

    /// <summary>Same as <see cref="Options"/>, indented for files people read.</summary>
    public static JsonSerializerOptions Indented { get; } = CreateOptions(indented: true);

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Serialises any document part.</summary>
    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? Indented : Options);

    /// <summary>JSON Schema (draft 2020-12) of the whole document.</summary>
    public static JsonNode SchemaOfDocument() => SchemaOf(typeof(DesignDocument), "ArchitectAgents design document");

    /// <summary>JSON Schema of one type, with descriptions taken from <see cref="DescriptionAttribute"/>.</summary>
    public static JsonNode SchemaOf(Type type, string? title = null)
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = static (context, node) =>
            {
                var description = context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), true)
                    .OfType<DescriptionAttribute>().FirstOrDefault()?.Description
                    ?? context.TypeInfo.Type.GetCustomAttribute<DescriptionAttribute>()?.Description;
                if (description is not null && node is JsonObject obj && !obj.ContainsKey("description"))
                {
                    obj.Insert(0, "description", description);
                }

                return node;
            },
        };
        var schema = Options.GetJsonSchemaAsNode(type, exporter);
        if (schema is JsonObject root)
        {
            root.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
            if (title is not null)
            {
                root.Insert(1, "title", title);
            }
        }

        return schema;
    }
}
