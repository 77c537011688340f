namespace ArchitectAgents.Core.Workflows;

/// <summary>A workflow as defined in <c>workflows/&lt;id&gt;.yaml</c>.</summary>
public sealed record WorkflowDefinition
{
    /// <summary>Unique id.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>What it does.</summary>
    public required string Description { get; init; }

    /// <summary>Id of the first node.</summary>
    public required string Start { get; init; }

    /// <summary>Nodes in file order.</summary>
    public required IReadOnlyList<NodeDefinition> Nodes { get; init; }

    /// <summary>Edges in file order.</summary>
    public required IReadOnlyList<EdgeDefinition> Edges { get; init; }

    /// <summary>File the definition came from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Finds a node by id.</summary>
    public NodeDefinition Node(string id) => Nodes.First(n => n.Id == id);

    /// <summary>Edges leaving a node, in file order.</summary>
    public IEnumerable<EdgeDefinition> EdgesFrom(string id) => Edges.Where(e => e.From.Contains(id));

    /// <summary>Edges entering a node, in file order.</summary>
    public IEnumerable<EdgeDefinition> EdgesTo(string id) => Edges.Where(e => e.To.Contains(id));
}

/// <summary>A node of the graph.</summary>
public sealed record NodeDefinition
{
    /// <summary>Unique id within the workflow; also the MAF executor id.</summary>
    public required string Id { get; init; }

    /// <summary>What the node is.</summary>
    public required NodeKind Kind { get; init; }

    /// <summary>Agent id for agent nodes.</summary>
    public string? Agent { get; init; }
}

/// <summary>An edge: one or more sources (several means a fan-in barrier) to one or more targets (fan-out).</summary>
public sealed record EdgeDefinition
{
    /// <summary>Source node ids.</summary>
    public required IReadOnlyList<string> From { get; init; }

    /// <summary>Target node ids.</summary>
    public required IReadOnlyList<string> To { get; init; }

    /// <summary>Outcomes of the source that take this edge; empty for the default edge.</summary>
    public required IReadOnlyList<string> When { get; init; }

    /// <summary>How many times the edge may be taken in one run; required on edges that close a cycle.</summary>
    public int? MaxRounds { get; init; }

    /// <summary>Line in the file, for messages.</summary>
    public int Line { get; init; }

    /// <summary>True for edges without a condition.</summary>
    public bool IsDefault => When.Count == 0;

    /// <summary>Readable form, for example <c>checklist-gate → designer when revise</c>.</summary>
    public override string ToString() =>
        $"{string.Join(" + ", From)} → {string.Join(", ", To)}{(When.Count > 0 ? " when " + string.Join("|", When) : "")}";
}
