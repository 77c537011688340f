using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArchitectAgents.Core.Catalog;

/// <summary>
/// A YAML mapping read field by field, so that every error can name the file, the field and its line.
/// Unknown fields are errors: a misspelt key must not be silently ignored.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string file, string? context = null)
    {
        _node = node;
        _file = file;
        Context = context;
    }

    public string? Context { get; }

    public int Line => (int)_node.Start.Line;

    public static YamlMap Parse(string yaml, string file, int lineOffset = 0)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new CatalogException($"{file}: invalid YAML at line {ex.Start.Line + lineOffset}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet reports some unterminated structures (an unclosed '[') without a position.
            throw new CatalogException($"{file}: invalid YAML: a list or mapping is not closed", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CatalogException($"{file}: expected a YAML mapping of fields");
        }

        return new YamlMap(root, file);
    }

    public CatalogException Error(string field, string message) =>
        new($"{_file}: {(Context is null ? "" : Context + ": ")}'{field}' {message}");

    public string? OptionalString(string field)
    {
        if (!TryGet(field, out var node))
        {
            return null;
        }

        return node switch
        {
            YamlScalarNode scalar when scalar.Value is null || scalar.Value.Length == 0 => null,
            YamlScalarNode scalar => scalar.Value,
            _ => throw Error(field, $"must be a single value (line {node.Start.Line})"),
        };
    }

    public string RequiredString(string field) =>
        OptionalString(field) is { Length: > 0 } value && value.Trim().Length > 0
            ? value.Trim()
            : throw Error(field, "is required");

    public int? OptionalInt(string field)
    {
        var text = OptionalString(field);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(field, $"must be a whole number, not '{text}'");
    }

    /// <summary>A list given either as a YAML sequence or as a single value.</summary>
    public IReadOnlyList<string> StringList(string field)
    {
        if (!TryGet(field, out var node))
        {
            return [];
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return string.IsNullOrWhiteSpace(scalar.Value) ? [] : [scalar.Value.Trim()];
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var child in sequence.Children)
                {
                    if (child is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
                    {
                        throw Error(field, $"must list plain values (line {child.Start.Line})");
                    }

                    items.Add(value.Trim());
                }

                return items;
            default:
                throw Error(field, $"must be a value or a list of values (line {node.Start.Line})");
        }
    }

    public IReadOnlyList<YamlMap> MapList(string field, Func<int, YamlMap, string> contextOf)
    {
        if (!TryGet(field, out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(field, $"must be a list (line {node.Start.Line})");
        }

        var result = new List<YamlMap>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is not YamlMappingNode child)
            {
                throw Error(field, $"item {i + 1} must be a mapping of fields (line {sequence.Children[i].Start.Line})");
            }

            var probe = new YamlMap(child, _file);
            result.Add(new YamlMap(child, _file, contextOf(i, probe)));
        }

        return result;
    }

    /// <summary>Fails on any field that was never read: typos must not pass silently.</summary>
    public void RejectUnknown()
    {
        foreach (var key in _node.Children.Keys.OfType<YamlScalarNode>())
        {
            if (key.Value is not null && !_read.Contains(key.Value))
            {
                throw new CatalogException($"{_file}: {(Context is null ? "" : Context + ": ")}unknown field '{key.Value}' (line {key.Start.Line})");
            }
        }
    }

    /// <summary>Reads a scalar without marking it read; used to label list items in errors.</summary>
    public string? Peek(string field) =>
        _node.Children.TryGetValue(new YamlScalarNode(field), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private bool TryGet(string field, out YamlNode node)
    {
        _read.Add(field);
        if (_node.Children.TryGetValue(new YamlScalarNode(field), out var found))
        {
            node = found;
            return true;
        }

        node = null!;
        return false;
    }
}
