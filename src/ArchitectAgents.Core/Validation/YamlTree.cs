using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArchitectAgents.Core.Validation;

/// <summary>A parsed YAML document with JSON-pointer lookups and line numbers, for validators' messages.</summary>
internal sealed class YamlTree
{
    private YamlTree(YamlNode root) => Root = root;

    public YamlNode Root { get; }

    /// <summary>Parses YAML; returns null and a message with its position when it is not valid YAML.</summary>
    public static YamlTree? TryParse(string text, out string? error, out int line, out int column)
    {
        error = null;
        line = column = 0;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                error = "the document is empty";
                line = column = 1;
                return null;
            }

            return new YamlTree(stream.Documents[0].RootNode);
        }
        catch (YamlException ex)
        {
            error = ex.InnerException?.Message ?? ex.Message;
            line = (int)ex.Start.Line;
            column = (int)ex.Start.Column;
            return null;
        }
        catch (InvalidOperationException ex)
        {
            error = "malformed YAML structure: " + ex.Message;
            line = column = 1;
            return null;
        }
    }

    /// <summary>Resolves a local JSON pointer such as <c>#/components/schemas/Problem</c>.</summary>
    public YamlNode? Resolve(string pointer)
    {
        if (!pointer.StartsWith('#'))
        {
            return null;
        }

        var node = Root;
        foreach (var raw in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var part = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode(part), out var child) => child,
                YamlSequenceNode seq when int.TryParse(part, out var index) && index >= 0 && index < seq.Children.Count => seq.Children[index],
                _ => null!,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Line of the deepest node of a pointer that exists.</summary>
    public int? LineOf(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return null;
        }

        var parts = pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var n = parts.Length; n >= 0; n--)
        {
            if (Resolve("#/" + string.Join('/', parts.Take(n))) is { } node)
            {
                return (int)node.Start.Line;
            }
        }

        return null;
    }

    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string? Scalar(YamlNode? node) => node is YamlScalarNode scalar ? scalar.Value : null;

    public static IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.Where(c => c.Key is YamlScalarNode { Value: not null }).Select(c => (((YamlScalarNode)c.Key).Value!, c.Value))
            : [];

    /// <summary>Follows a <c>$ref</c> (up to a few hops); returns the node itself when it is not a reference.</summary>
    public YamlNode? Deref(YamlNode? node)
    {
        for (var hops = 0; hops < 8 && Scalar(Child(node, "$ref")) is { } target; hops++)
        {
            node = Resolve(target);
        }

        return node;
    }
}
