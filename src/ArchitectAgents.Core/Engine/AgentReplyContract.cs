using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Validation;
using Json.Schema;

namespace ArchitectAgents.Core.Engine;

/// <summary>
/// What one agent must reply with, as a JSON Schema generated from the section types it writes, and the
/// check of a reply against it: schema, permissions, outcome and the section rules of the document.
/// The errors are phrased so a model can fix them in a repair turn.
/// </summary>
public sealed class AgentReplyContract
{
    private static readonly ConditionalWeakTable<AgentDefinition, AgentReplyContract> Cache = new();
    private readonly AgentDefinition _definition;
    private static readonly EvaluationOptions FlagOnly = new() { OutputFormat = OutputFormat.Flag };
    private readonly JsonSchema _schema;

    /// <summary>Builds the contract of a definition.</summary>
    public AgentReplyContract(AgentDefinition definition)
    {
        _definition = definition;
        SchemaNode = BuildSchema(definition);
        _schema = JsonSchema.FromText(SchemaNode.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        Schema = JsonDocument.Parse(SchemaNode.ToJsonString()).RootElement.Clone();
    }

    /// <summary>The contract of a definition, built once per definition instance.</summary>
    public static AgentReplyContract For(AgentDefinition definition) => Cache.GetValue(definition, static d => new AgentReplyContract(d));

    /// <summary>The reply schema as a JSON element, for native structured output.</summary>
    public JsonElement Schema { get; }

    /// <summary>The reply schema as a mutable node.</summary>
    public JsonNode SchemaNode { get; }

    /// <summary>Checks a reply; on success <see cref="AgentReplyCheck.Output"/> and the typed sections are set.</summary>
    public AgentReplyCheck Check(string text)
    {
        JsonElement root;
        try
        {
            // Parsed in place (no substring, no clone): replies are the largest strings a run handles.
            root = JsonDocument.Parse(JsonSlice(text)).RootElement;
        }
        catch (JsonException ex)
        {
            return AgentReplyCheck.Failed($"the reply is not a JSON object: {ex.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return AgentReplyCheck.Failed("the reply must be one JSON object with 'sections' and 'outcome'");
        }

        var errors = new List<string>();
        var output = TryDeserialize(root, errors);
        if (output is not null)
        {
            if (!_definition.Outcomes.Contains(output.Outcome))
            {
                errors.Add($"outcome '{output.Outcome}' is not one of {string.Join(", ", _definition.Outcomes)}");
            }

            var forbidden = output.Sections.Keys.Where(k => !_definition.Writes.Contains(k)).ToList();
            if (forbidden.Count > 0)
            {
                errors.Add($"it wrote section(s) {string.Join(", ", forbidden.Select(f => $"'{f}'"))} but may only write {string.Join(", ", _definition.Writes)}");
            }
        }

        if (errors.Count > 0)
        {
            return new AgentReplyCheck(null, new Dictionary<string, SectionBase>(), errors, true);
        }

        // The yes/no evaluation is cheap; the one that lists every error runs only for replies that need a repair turn.
        if (!_schema.Evaluate(root, FlagOnly).IsValid)
        {
            errors.AddRange(SchemaErrors(_schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List })).Take(20));
        }

        var sections = new Dictionary<string, SectionBase>(StringComparer.Ordinal);
        foreach (var (name, element) in output!.Sections)
        {
            try
            {
                if (element.Deserialize(SectionNames.TypeOf(name), DocumentJson.Options) is SectionBase section)
                {
                    sections[name] = section;
                }
                else
                {
                    errors.Add($"section '{name}' is null");
                }
            }
            catch (JsonException ex)
            {
                errors.Add($"section '{name}' does not match its schema: {ex.Message}");
            }
        }

        if (sections.TryGetValue(SectionNames.Design, out var design) && design is DesignSection d)
        {
            errors.AddRange(DocumentRulesValidator.SectionRules(d).Select(m => $"design: {m}"));
        }

        return errors.Count == 0
            ? new AgentReplyCheck(output, sections, [], false)
            : new AgentReplyCheck(null, new Dictionary<string, SectionBase>(), errors, false);
    }

    private static AgentOutput? TryDeserialize(JsonElement root, List<string> errors)
    {
        try
        {
            return root.Deserialize<AgentOutput>(DocumentJson.Options) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            errors.Add($"the reply does not have the shape {{\"sections\": {{...}}, \"outcome\": \"...\", \"notes\": \"...\"}}: {ex.Message}");
            return null;
        }
    }

    private static IEnumerable<string> SchemaErrors(EvaluationResults results)
    {
        var details = results.Details is { Count: > 0 } ? results.Details : [results];
        foreach (var detail in details)
        {
            if (detail.Errors is null)
            {
                continue;
            }

            foreach (var (keyword, message) in detail.Errors)
            {
                var at = detail.InstanceLocation.ToString();
                yield return $"{(at.Length == 0 ? "/" : at)}: {message} ({keyword})";
            }
        }
    }

    /// <summary>Models often wrap JSON in a Markdown fence; take the outermost object.</summary>
    internal static string ExtractJson(string text) => JsonSlice(text).ToString();

    private static ReadOnlyMemory<char> JsonSlice(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text.AsMemory(start, end - start + 1) : text.AsMemory();
    }

    private static void Rebase(JsonNode? node, string root)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target) && target.StartsWith('#'))
                {
                    obj["$ref"] = root + target[1..];
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Rebase(child, root);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rebase(child, root);
                }

                break;
        }
    }

    private static JsonObject BuildSchema(AgentDefinition definition)
    {
        var sectionProperties = new JsonObject();
        foreach (var name in definition.Writes)
        {
            var schema = DocumentJson.SchemaOf(SectionNames.TypeOf(name));
            if (schema is JsonObject obj)
            {
                obj.Remove("$schema");
            }

            // The exporter points a repeated type at its first use ("#/properties/useCases/items"), from the section's
            // root; nested under the reply, that pointer must start at the section's place in it.
            Rebase(schema, $"#/properties/sections/properties/{name}");
            sectionProperties[name] = schema;
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = $"Reply of agent {definition.Id}",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["sections"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "The sections this agent writes, by name; no other section is allowed.",
                    ["properties"] = sectionProperties,
                    ["required"] = new JsonArray([.. definition.Writes.Select(w => (JsonNode)JsonValue.Create(w))]),
                    ["additionalProperties"] = false,
                },
                ["outcome"] = new JsonObject
                {
                    ["type"] = "string",
                    ["enum"] = new JsonArray([.. definition.Outcomes.Select(o => (JsonNode)JsonValue.Create(o))]),
                },
                ["notes"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
            },
            ["required"] = new JsonArray("sections", "outcome"),
            ["additionalProperties"] = false,
        };
    }
}
