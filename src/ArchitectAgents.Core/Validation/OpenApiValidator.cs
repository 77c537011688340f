using System.Text;
using ArchitectAgents.Core.Document;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using YamlDotNet.RepresentationModel;
using static ArchitectAgents.Core.Validation.ValidationResults;

namespace ArchitectAgents.Core.Validation;

/// <summary>
/// The OpenAPI contract, read by Microsoft.OpenApi (reader diagnostics and its default rule set), plus our
/// rules: every operation secured or explicitly public, list endpoints paginated, one problem schema for
/// every error response, an example for every request body, and no unresolved <c>$ref</c>.
/// </summary>
public sealed partial class OpenApiValidator : IArtifactValidator
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private static readonly HashSet<string> PaginationParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "limit", "cursor", "page", "page_size", "pageSize", "per_page", "perPage", "offset", "after", "before", "pageToken", "page_token", "next",
    };

    /// <inheritdoc />
    public string Name => "openapi";

    /// <inheritdoc />
    public string Artifact => "openapi.yaml";

    /// <inheritdoc />
    public async Task<ArtifactValidation> ValidateAsync(DesignDocument document, CancellationToken cancellationToken) =>
        From(Artifact, Name, await CheckAsync(document.Design?.Api.OpenApiYaml ?? "", cancellationToken).ConfigureAwait(false));

    /// <summary>Checks an OpenAPI document (YAML or JSON) and returns its problems.</summary>
    public static async Task<List<ValidationMessage>> CheckAsync(string text, CancellationToken cancellationToken)
    {
        var messages = new List<ValidationMessage>();
        if (string.IsNullOrWhiteSpace(text))
        {
            messages.Add(Error("the OpenAPI document is empty", 1, 1));
            return messages;
        }

        var tree = YamlTree.TryParse(text, out var yamlError, out var line, out var column);
        if (tree is null)
        {
            messages.Add(Error($"not valid YAML: {yamlError}", line, column));
            return messages;
        }

        await ReadWithMicrosoftOpenApiAsync(text, tree, messages, cancellationToken).ConfigureAwait(false);
        if (tree.Root is not YamlMappingNode)
        {
            messages.Add(Error("the document must be a mapping with 'openapi', 'info' and 'paths'", 1, 1));
            return messages;
        }

        CheckReferences(tree, messages);
        CheckOperations(tree, messages);
        return [.. messages.DistinctBy(m => (m.Level, m.Line, m.Message))];
    }

    private static async Task ReadWithMicrosoftOpenApiAsync(string text, YamlTree tree, List<ValidationMessage> messages, CancellationToken ct)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        ReadResult result;
        try
        {
            result = await OpenApiDocument.LoadAsync(stream, "yaml", settings, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            messages.Add(Error("Microsoft.OpenApi could not read the document: " + ex.Message, 1, 1));
            return;
        }

        foreach (var error in result.Diagnostic?.Errors ?? [])
        {
            messages.Add(Error(error.Message, tree.LineOf(error.Pointer)));
        }

        if (result.Document is null)
        {
            return;
        }

        foreach (var error in result.Document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? [])
        {
            // Microsoft.OpenApi reports a dangling reference only as a warning; CheckReferences makes it an error.
            var warning = error.GetType().Name.Contains("Warning", StringComparison.Ordinal);
            var line = tree.LineOf(error.Pointer);
            var message = line is null ? $"{error.Message} (at {error.Pointer})" : error.Message;
            messages.Add(warning ? Warning(message, line) : Error(message, line));
        }
    }

    private static void CheckReferences(YamlTree tree, List<ValidationMessage> messages)
    {
        foreach (var (reference, node) in References(tree.Root))
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                messages.Add(Error($"$ref '{reference}' points outside this document; the contract must be self-contained", (int)node.Start.Line, (int)node.Start.Column));
            }
            else if (tree.Resolve(reference) is null)
            {
                messages.Add(Error($"$ref '{reference}' does not resolve: nothing is defined at that path", (int)node.Start.Line, (int)node.Start.Column));
            }
        }
    }

    private static IEnumerable<(string Reference, YamlNode Node)> References(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: "$ref" } && value is YamlScalarNode { Value: { } target })
                    {
                        yield return (target, value);
                    }
                    else
                    {
                        foreach (var inner in References(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case YamlSequenceNode seq:
                foreach (var inner in seq.Children.SelectMany(References))
                {
                    yield return inner;
                }

                break;
        }
    }

    private static void CheckOperations(YamlTree tree, List<ValidationMessage> messages)
    {
        var root = tree.Root;
        var globalSecurity = YamlTree.Child(root, "security") as YamlSequenceNode;
        var schemes = YamlTree.Entries(YamlTree.Child(YamlTree.Child(root, "components"), "securitySchemes")).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        CheckSecurityNames(globalSecurity, schemes, messages);
        var problemSchemas = new List<(string Schema, int Line, string Where)>();
        var operationIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, rawItem) in YamlTree.Entries(YamlTree.Child(root, "paths")))
        {
            var item = tree.Deref(rawItem);
            var pathParameters = YamlTree.Child(item, "parameters");
            var templated = TemplateParameter().Matches(path).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            foreach (var (method, operation) in YamlTree.Entries(item).Where(e => Methods.Contains(e.Key)))
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                var opLine = (int)operation.Start.Line;

                if (YamlTree.Scalar(YamlTree.Child(operation, "operationId")) is { Length: > 0 } operationId && !operationIds.TryAdd(operationId, where))
                {
                    messages.Add(Error($"{where} reuses operationId '{operationId}' of {operationIds[operationId]}; operation ids must be unique", opLine, 1));
                }

                // Every {name} in the path needs a declared path parameter, and every declared one must be in the path.
                var declared = PathParameters(tree, YamlTree.Child(operation, "parameters")).Concat(PathParameters(tree, pathParameters)).ToHashSet(StringComparer.Ordinal);
                foreach (var missing in templated.Where(t => !declared.Contains(t)))
                {
                    messages.Add(Error($"{where} has '{{{missing}}}' in its path but declares no path parameter '{missing}'", opLine, 1));
                }

                foreach (var extra in declared.Where(d => !templated.Contains(d)))
                {
                    messages.Add(Error($"{where} declares path parameter '{extra}', which is not in the path", opLine, 1));
                }

                // Security: the operation's own list (empty = explicitly public) or the global one.
                var security = YamlTree.Child(operation, "security");
                if (security is YamlSequenceNode own)
                {
                    CheckSecurityNames(own, schemes, messages);
                }
                else if (globalSecurity is null || globalSecurity.Children.Count == 0)
                {
                    messages.Add(Error($"{where} has no security requirement; add one, or mark it public with 'security: []'", opLine, 1));
                }

                // Pagination: a GET that returns a collection must take a page size or cursor.
                if (method == "get" && ReturnsCollection(tree, operation))
                {
                    var names = Parameters(tree, YamlTree.Child(operation, "parameters")).Concat(Parameters(tree, pathParameters)).ToList();
                    if (!names.Any(PaginationParameters.Contains))
                    {
                        messages.Add(Error($"{where} returns a list but takes no pagination parameter (limit/cursor/page)", opLine, 1));
                    }
                }

                // Request bodies need an example.
                var body = tree.Deref(YamlTree.Child(operation, "requestBody"));
                foreach (var (mediaType, media) in YamlTree.Entries(YamlTree.Child(body, "content")))
                {
                    var schema = tree.Deref(YamlTree.Child(media, "schema"));
                    if (YamlTree.Child(media, "example") is null && YamlTree.Child(media, "examples") is null && YamlTree.Child(schema, "example") is null && YamlTree.Child(schema, "examples") is null)
                    {
                        messages.Add(Error($"{where} request body ({mediaType}) has no example", (int)media.Start.Line, (int)media.Start.Column));
                    }
                }

                foreach (var (code, rawResponse) in YamlTree.Entries(YamlTree.Child(operation, "responses")))
                {
                    if (!(code.StartsWith('4') || code.StartsWith('5') || code == "default"))
                    {
                        continue;
                    }

                    var response = tree.Deref(rawResponse);
                    foreach (var (_, media) in YamlTree.Entries(YamlTree.Child(response, "content")))
                    {
                        var schemaNode = YamlTree.Child(media, "schema");
                        var name = YamlTree.Scalar(YamlTree.Child(schemaNode, "$ref")) ?? "an inline schema";
                        problemSchemas.Add((name, (int)(schemaNode ?? media).Start.Line, $"{where} {code}"));
                    }
                }
            }
        }

        var distinct = problemSchemas.GroupBy(p => p.Schema).OrderByDescending(g => g.Count()).ToList();
        if (distinct.Count > 1)
        {
            var main = distinct[0].Key;
            foreach (var odd in distinct.Skip(1).SelectMany(g => g))
            {
                messages.Add(Error($"{odd.Where} uses {odd.Schema} for its error body while other errors use {main}; use one problem schema for every error response", odd.Line, 1));
            }
        }
    }

    private static void CheckSecurityNames(YamlSequenceNode? requirements, HashSet<string> schemes, List<ValidationMessage> messages)
    {
        foreach (var requirement in requirements?.Children ?? [])
        {
            foreach (var (name, _) in YamlTree.Entries(requirement))
            {
                if (!schemes.Contains(name))
                {
                    messages.Add(Error($"security requirement names '{name}', which is not defined in components.securitySchemes", (int)requirement.Start.Line, (int)requirement.Start.Column));
                }
            }
        }
    }

    private static IEnumerable<string> PathParameters(YamlTree tree, YamlNode? parameters) =>
        (parameters as YamlSequenceNode)?.Children.Select(tree.Deref)
            .Where(p => YamlTree.Scalar(YamlTree.Child(p, "in")) == "path")
            .Select(p => YamlTree.Scalar(YamlTree.Child(p, "name"))).OfType<string>() ?? [];

    private static IEnumerable<string> Parameters(YamlTree tree, YamlNode? parameters) =>
        (parameters as YamlSequenceNode)?.Children.Select(p => YamlTree.Scalar(YamlTree.Child(tree.Deref(p), "name"))).OfType<string>() ?? [];

    private static bool ReturnsCollection(YamlTree tree, YamlNode operation)
    {
        foreach (var (code, rawResponse) in YamlTree.Entries(YamlTree.Child(operation, "responses")))
        {
            if (!code.StartsWith('2'))
            {
                continue;
            }

            foreach (var (_, media) in YamlTree.Entries(YamlTree.Child(tree.Deref(rawResponse), "content")))
            {
                var schema = tree.Deref(YamlTree.Child(media, "schema"));
                if (IsArray(schema))
                {
                    return true;
                }

                foreach (var (name, property) in YamlTree.Entries(YamlTree.Child(schema, "properties")))
                {
                    if (name is "items" or "data" or "results" or "records" && IsArray(tree.Deref(property)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsArray(YamlNode? schema) => YamlTree.Child(schema, "type") switch
    {
        YamlScalarNode { Value: "array" } => true,
        YamlSequenceNode types => types.Children.Any(t => YamlTree.Scalar(t) == "array"),
        _ => false,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([^{}/]+)\}")]
    private static partial System.Text.RegularExpressions.Regex TemplateParameter();
}
