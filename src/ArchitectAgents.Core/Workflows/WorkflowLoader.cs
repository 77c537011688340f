using ArchitectAgents.Core.Catalog;

namespace ArchitectAgents.Core.Workflows;

/// <summary>Reads a workflow YAML file and checks it against the agent catalog before any run starts.</summary>
public static class WorkflowLoader
{
    /// <summary>Loads and validates a workflow file.</summary>
    /// <exception cref="CatalogException">The file is invalid; the message says where and why.</exception>
    public static WorkflowDefinition LoadFile(string path, AgentCatalog catalog)
    {
        if (!File.Exists(path))
        {
            throw new CatalogException($"{path}: workflow file not found");
        }

        var display = Path.Combine(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "workflows"), Path.GetFileName(path));
        return Parse(File.ReadAllText(path), display, catalog);
    }

    /// <summary>Parses and validates workflow YAML.</summary>
    public static WorkflowDefinition Parse(string yaml, string file, AgentCatalog catalog)
    {
        var map = YamlMap.Parse(yaml, file);
        var nodes = map.MapList("nodes", (i, item) => $"node {item.Peek("id") ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}")
            .Select(ParseNode).ToList();
        var edges = map.MapList("edges", (i, _) => $"edge {i + 1}").Select(ParseEdge).ToList();
        var definition = new WorkflowDefinition
        {
            Id = map.RequiredString("id"),
            Name = map.OptionalString("name") ?? map.RequiredString("id"),
            Description = map.OptionalString("description") ?? "",
            Start = map.RequiredString("start"),
            Nodes = nodes,
            Edges = edges,
            SourcePath = file,
        };
        map.RejectUnknown();
        WorkflowValidator.Validate(definition, catalog);
        return definition;
    }

    private static NodeDefinition ParseNode(YamlMap map)
    {
        var id = map.RequiredString("id");
        var agent = map.OptionalString("agent");
        var kindText = map.OptionalString("kind");
        map.RejectUnknown();

        NodeKind kind;
        if (kindText is null)
        {
            kind = agent is null ? throw map.Error("agent", "is required (or give 'kind': intake, validator, human or output)") : NodeKind.Agent;
        }
        else if (!Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind))
        {
            throw map.Error("kind", $"'{kindText}' is not one of agent, intake, validator, human, output");
        }

        if (kind == NodeKind.Agent && agent is null)
        {
            throw map.Error("agent", "is required for agent nodes");
        }

        if (kind != NodeKind.Agent && agent is not null)
        {
            throw map.Error("agent", $"is only allowed on agent nodes, not on a {kindText} node");
        }

        return new NodeDefinition { Id = id, Kind = kind, Agent = agent };
    }

    private static EdgeDefinition ParseEdge(YamlMap map)
    {
        var from = map.StringList("from");
        var to = map.StringList("to");
        if (from.Count == 0)
        {
            throw map.Error("from", "is required");
        }

        if (to.Count == 0)
        {
            throw map.Error("to", "is required");
        }

        var maxRounds = map.OptionalInt("max-rounds");
        if (maxRounds is < 1 or > 10)
        {
            throw map.Error("max-rounds", $"must be between 1 and 10, not {maxRounds}");
        }

        var edge = new EdgeDefinition
        {
            From = from,
            To = to,
            When = map.StringList("when"),
            MaxRounds = maxRounds,
            Line = map.Line + 1,
        };
        map.RejectUnknown();
        return edge;
    }
}
