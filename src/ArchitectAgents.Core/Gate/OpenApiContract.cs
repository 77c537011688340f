using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// The operations and request schemas of an OpenAPI document, read with a YAML parser (not line patterns), so the
/// checks see what a client generator would see. An unparsable contract yields nothing; the artifact validator
/// reports why.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    /// <summary>Every operation, in document order.</summary>
    public IReadOnlyList<ApiOperation> Operations { get; private init; } = [];

    /// <summary>Every schema used as a request body, with the operations that use it.</summary>
    public IReadOnlyList<RequestSchema> RequestSchemas { get; private init; } = [];

    /// <summary>Reads a contract; an empty one when the text is not a YAML mapping.</summary>
    public static OpenApiContract Read(string yaml)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                return new OpenApiContract();
            }

            root = map;
        }
        catch (YamlException)
        {
            return new OpenApiContract();
        }

        var schemas = Child(Child(root, "components"), "schemas") as YamlMappingNode;
        var operations = new List<ApiOperation>();
        var bodies = new Dictionary<string, (YamlMappingNode Schema, List<string> UsedBy)>(StringComparer.Ordinal);
        foreach (var (key, value) in Pairs(Child(root, "paths")))
        {
            if (key is not YamlScalarNode { Value: { } path } || value is not YamlMappingNode item)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (Child(item, method) is not YamlMappingNode op)
                {
                    continue;
                }

                var label = $"{method.ToUpperInvariant()} {path}";
                string? bodyName = null;
                if (Child(Child(Child(Child(op, "requestBody"), "content"), "application/json"), "schema") is YamlMappingNode bodySchema)
                {
                    var target = Scalar(bodySchema, "$ref") is { } reference ? reference[(reference.LastIndexOf('/') + 1)..] : null;
                    var resolved = target is not null ? Child(schemas, target) as YamlMappingNode : bodySchema;
                    bodyName = target ?? $"{label} (inline)";
                    if (resolved is not null)
                    {
                        if (!bodies.TryGetValue(bodyName, out var entry))
                        {
                            bodies[bodyName] = entry = (resolved, []);
                        }

                        entry.UsedBy.Add(label);
                    }
                }

                operations.Add(new ApiOperation
                {
                    Method = method.ToUpperInvariant(),
                    Path = path,
                    OperationId = Scalar(op, "operationId") ?? label,
                    Summary = Scalar(op, "summary") ?? "",
                    RequestSchema = bodyName,
                    Authenticated = Child(op, "security") is not YamlSequenceNode { Children.Count: 0 },
                    Responses = ((Child(op, "responses") as YamlMappingNode)?.Children.Keys ?? []).OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToHashSet(StringComparer.Ordinal),
                    Tables = Child(op, "x-tables") is YamlSequenceNode tables ? [.. tables.Children.OfType<YamlScalarNode>().Select(t => t.Value ?? "")] : [],
                    Owner = Scalar(op, "x-owner"),
                    Published = method == "get" && Scalar(op, "x-published") == "true" && ((Child(op, "responses") as YamlMappingNode)?.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "304") ?? false),
                    UseCases = Child(op, "x-use-cases") is YamlSequenceNode ucs ? [.. ucs.Children.OfType<YamlScalarNode>().Select(t => t.Value ?? "")] : [],
                    PreChecks = Child(op, "x-pre-checks") is YamlSequenceNode pre ? [.. pre.Children.Select(c => Scalar(c, "use-case") ?? (c as YamlScalarNode)?.Value).OfType<string>()] : [],
                });
            }
        }

        return new OpenApiContract
        {
            Operations = operations,
            RequestSchemas = [.. bodies.Select(b => new RequestSchema
            {
                Name = b.Key,
                Settable = [.. Pairs(Child(b.Value.Schema, "properties"))
                    .Where(p => !(p.Value is YamlMappingNode prop && Scalar(prop, "readOnly") == "true"))
                    .Select(p => ((YamlScalarNode)p.Key).Value ?? "")],
                Open = Scalar(b.Value.Schema, "additionalProperties") != "false",
                UsedBy = b.Value.UsedBy,
            })],
        };
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Pairs(YamlNode? node) =>
        node is YamlMappingNode map ? map.Children : [];

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode? node, string key) => Child(node, key) is YamlScalarNode { Value: { } v } ? v : null;
}
