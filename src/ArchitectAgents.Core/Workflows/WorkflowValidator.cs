using ArchitectAgents.Core.Catalog;

namespace ArchitectAgents.Core.Workflows;

/// <summary>Structural checks on a workflow: every problem is reported before a run starts.</summary>
internal static class WorkflowValidator
{
    public static void Validate(WorkflowDefinition wf, AgentCatalog catalog)
    {
        var file = wf.SourcePath;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in wf.Nodes)
        {
            if (!ids.Add(node.Id))
            {
                throw new CatalogException($"{file}: node '{node.Id}' is defined twice");
            }

            if (node.Agent is not null && !catalog.TryGet(node.Agent, out _))
            {
                throw new CatalogException($"{file}: node '{node.Id}' uses unknown agent '{node.Agent}' (known: {string.Join(", ", catalog.Agents.Select(a => a.Id))})");
            }
        }

        if (wf.Nodes.Count == 0)
        {
            throw new CatalogException($"{file}: 'nodes' is empty");
        }

        if (!ids.Contains(wf.Start))
        {
            throw new CatalogException($"{file}: 'start' names unknown node '{wf.Start}'");
        }

        if (wf.Node(wf.Start).Kind != NodeKind.Intake)
        {
            throw new CatalogException($"{file}: 'start' must be an intake node; '{wf.Start}' is a {wf.Node(wf.Start).Kind.ToString().ToLowerInvariant()} node");
        }

        var outputs = wf.Nodes.Where(n => n.Kind == NodeKind.Output).ToList();
        if (outputs.Count != 1)
        {
            throw new CatalogException($"{file}: a workflow needs exactly one output node, found {outputs.Count}");
        }

        foreach (var edge in wf.Edges)
        {
            CheckEdge(wf, catalog, edge);
        }

        foreach (var node in wf.Nodes)
        {
            CheckNodeEdges(wf, catalog, node);
        }

        CheckReachable(wf);
        CheckCyclesAreBounded(wf);
    }

    private static void CheckEdge(WorkflowDefinition wf, AgentCatalog catalog, EdgeDefinition edge)
    {
        var where = $"{wf.SourcePath} line {edge.Line}: edge {edge}";
        foreach (var id in edge.From.Concat(edge.To))
        {
            if (!wf.Nodes.Any(n => n.Id == id))
            {
                throw new CatalogException($"{where}: dangling edge, no node '{id}'");
            }
        }

        if (edge.From.Count > 1 && edge.To.Count > 1)
        {
            throw new CatalogException($"{where}: an edge may fan in or fan out, not both");
        }

        if (edge.From.Count > 1 && (edge.When.Count > 0 || edge.MaxRounds is not null))
        {
            throw new CatalogException($"{where}: a fan-in edge cannot have 'when' or 'max-rounds'");
        }

        if (edge.From.Distinct().Count() != edge.From.Count || edge.To.Distinct().Count() != edge.To.Count)
        {
            throw new CatalogException($"{where}: a node is listed twice");
        }

        if (edge.MaxRounds is not null && edge.When.Count == 0)
        {
            throw new CatalogException($"{where}: 'max-rounds' needs a 'when' condition, otherwise the loop could never stop early");
        }

        foreach (var source in edge.From)
        {
            var node = wf.Node(source);
            if (node.Kind == NodeKind.Output)
            {
                throw new CatalogException($"{where}: the output node '{source}' cannot have outgoing edges");
            }

            var outcomes = OutcomesOf(node, catalog);
            foreach (var when in edge.When)
            {
                if (!outcomes.Contains(when))
                {
                    throw new CatalogException($"{where}: 'when' names outcome '{when}' that '{source}' never reports (it reports: {string.Join(", ", outcomes)})");
                }
            }
        }

        foreach (var target in edge.To)
        {
            var node = wf.Node(target);
            if (node.Kind == NodeKind.Intake)
            {
                throw new CatalogException($"{where}: the intake node '{target}' cannot be a target");
            }

            if (node.Kind == NodeKind.Human && edge.From.Count > 1)
            {
                throw new CatalogException($"{where}: a human node cannot be the target of a fan-in");
            }
        }
    }

    private static void CheckNodeEdges(WorkflowDefinition wf, AgentCatalog catalog, NodeDefinition node)
    {
        var outgoing = wf.EdgesFrom(node.Id).ToList();
        var incoming = wf.EdgesTo(node.Id).ToList();
        if (node.Kind != NodeKind.Output && outgoing.Count == 0)
        {
            throw new CatalogException($"{wf.SourcePath}: node '{node.Id}' has no outgoing edge, so a run would stop there without output");
        }

        if (incoming.Any(e => e.From.Count > 1) && incoming.Count > 1)
        {
            throw new CatalogException($"{wf.SourcePath}: node '{node.Id}' is the target of a fan-in and of other edges; give it one kind of input");
        }

        if (node.Kind == NodeKind.Human)
        {
            if (incoming.Count != 1 || outgoing.Count != 1 || outgoing[0].To.Count != 1 || outgoing[0].When.Count > 0)
            {
                throw new CatalogException($"{wf.SourcePath}: human node '{node.Id}' needs exactly one incoming edge and one unconditional outgoing edge to one node");
            }

            if (wf.Node(outgoing[0].To[0]).Kind != NodeKind.Agent || wf.Node(outgoing[0].To[0]).Id != incoming[0].From[0])
            {
                throw new CatalogException($"{wf.SourcePath}: human node '{node.Id}' must hand its answers back to the agent that asked ('{incoming[0].From[0]}')");
            }
        }

        var hasDefault = outgoing.Any(e => e.IsDefault);
        foreach (var outcome in OutcomesOf(node, catalog))
        {
            if (!hasDefault && !outgoing.Any(e => e.When.Contains(outcome)))
            {
                throw new CatalogException($"{wf.SourcePath}: node '{node.Id}' can report '{outcome}' but no edge takes it and there is no default edge");
            }
        }

        if (!hasDefault && outgoing.Any(e => e.MaxRounds is not null))
        {
            throw new CatalogException($"{wf.SourcePath}: node '{node.Id}' has a bounded edge but no default edge to take once the bound is reached");
        }
    }

    private static void CheckReachable(WorkflowDefinition wf)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { wf.Start };
        var queue = new Queue<string>([wf.Start]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var target in wf.EdgesFrom(id).SelectMany(e => e.To))
            {
                if (seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        var unreachable = wf.Nodes.Where(n => !seen.Contains(n.Id)).Select(n => n.Id).ToList();
        if (unreachable.Count > 0)
        {
            throw new CatalogException($"{wf.SourcePath}: node(s) {string.Join(", ", unreachable.Select(u => $"'{u}'"))} cannot be reached from '{wf.Start}'");
        }
    }

    /// <summary>Removing every bounded edge must leave a graph without cycles.</summary>
    private static void CheckCyclesAreBounded(WorkflowDefinition wf)
    {
        var successors = wf.Nodes.ToDictionary(n => n.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var edge in wf.Edges.Where(e => e.MaxRounds is null))
        {
            foreach (var from in edge.From)
            {
                successors[from].AddRange(edge.To);
            }
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var node in wf.Nodes)
        {
            Visit(node.Id);
        }

        void Visit(string id)
        {
            if (state.TryGetValue(id, out var s))
            {
                if (s == 1)
                {
                    var cycle = path.Skip(path.IndexOf(id)).Append(id);
                    throw new CatalogException($"{wf.SourcePath}: cycle without a bound: {string.Join(" → ", cycle)}; give one of its edges 'when' and 'max-rounds'");
                }

                return;
            }

            state[id] = 1;
            path.Add(id);
            foreach (var next in successors[id])
            {
                Visit(next);
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }
    }

    internal static IReadOnlyList<string> OutcomesOf(NodeDefinition node, AgentCatalog catalog) => node.Kind switch
    {
        NodeKind.Agent => catalog[node.Agent!].Outcomes,
        NodeKind.Output => [],
        NodeKind.Human => ["answered"],
        _ => ["done"],
    };
}
