using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Catalog;

/// <summary>The agents defined under an <c>agents/</c> directory.</summary>
public sealed partial class AgentCatalog
{
    private readonly Dictionary<string, AgentDefinition> _agents;

    private AgentCatalog(Dictionary<string, AgentDefinition> agents) => _agents = agents;

    /// <summary>All agents, ordered by id.</summary>
    public IReadOnlyList<AgentDefinition> Agents => [.. _agents.Values.OrderBy(a => a.Id, StringComparer.Ordinal)];

    /// <summary>Finds an agent by id.</summary>
    public bool TryGet(string id, out AgentDefinition definition) => _agents.TryGetValue(id, out definition!);

    /// <summary>Gets an agent by id or throws.</summary>
    public AgentDefinition this[string id] =>
        _agents.TryGetValue(id, out var definition) ? definition : throw new CatalogException($"Unknown agent '{id}'.");

    /// <summary>Loads every <c>*.md</c> file of a directory.</summary>
    /// <exception cref="CatalogException">A file is invalid; the message names the file and the field.</exception>
    public static AgentCatalog LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CatalogException($"{directory}: agents directory not found");
        }

        var agents = new Dictionary<string, AgentDefinition>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            if (string.Equals(Path.GetFileName(path), "README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var display = Path.Combine(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "agents"), Path.GetFileName(path));
            var definition = Parse(File.ReadAllText(path), display);
            if (!agents.TryAdd(definition.Id, definition))
            {
                throw new CatalogException($"{display}: 'id' '{definition.Id}' is already defined in {agents[definition.Id].SourcePath}");
            }
        }

        if (agents.Count == 0)
        {
            throw new CatalogException($"{directory}: no agent definitions (*.md) found");
        }

        return new AgentCatalog(agents);
    }

    /// <summary>Parses one agent file.</summary>
    /// <param name="text">File content.</param>
    /// <param name="file">Path used in error messages, for example agents/designer.md.</param>
    public static AgentDefinition Parse(string text, string file)
    {
        var match = FrontMatter().Match(text);
        if (!match.Success)
        {
            throw new CatalogException($"{file}: no YAML front matter (the file must start with a '---' line, then fields, then '---')");
        }

        var map = YamlMap.Parse(match.Groups["yaml"].Value, file, lineOffset: 1);
        var id = map.RequiredString("id");
        if (!IdPattern().IsMatch(id))
        {
            throw map.Error("id", $"'{id}' must be lower-case letters, digits and dashes");
        }

        var expected = Path.GetFileNameWithoutExtension(file);
        if (!string.Equals(id, expected, StringComparison.Ordinal))
        {
            throw map.Error("id", $"is '{id}' but the file is named {Path.GetFileName(file)}; they must match");
        }

        var reads = Sections(map, "reads");
        var writes = Sections(map, "writes");
        if (writes.Count == 0)
        {
            throw map.Error("writes", "must list at least one section");
        }

        var outcomes = map.StringList("outcomes");
        var definition = new AgentDefinition
        {
            Id = id,
            Name = map.RequiredString("name"),
            Description = map.RequiredString("description"),
            Reads = reads,
            Writes = writes,
            Outcomes = outcomes.Count == 0 ? ["done"] : outcomes,
            Model = map.OptionalString("model") ?? "default",
            Tools = map.StringList("tools"),
            Instructions = text[(match.Index + match.Length)..].Trim(),
            SourcePath = file,
        };
        map.RejectUnknown();

        if (definition.Instructions.Length == 0)
        {
            throw new CatalogException($"{file}: the instructions after the front matter are empty");
        }

        return definition;
    }

    private static List<string> Sections(YamlMap map, string field)
    {
        var sections = map.StringList(field).ToList();
        foreach (var section in sections)
        {
            if (!SectionNames.IsKnown(section))
            {
                throw map.Error(field, $"lists unknown section '{section}' (known: {string.Join(", ", SectionNames.All)})");
            }
        }

        return sections;
    }

    [GeneratedRegex(@"\A\uFEFF?---[ \t]*\r?\n(?<yaml>.*?)\r?\n---[ \t]*(\r?\n|\z)", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
