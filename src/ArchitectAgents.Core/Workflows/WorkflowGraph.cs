using System.Globalization;
using System.Text;

namespace ArchitectAgents.Core.Workflows;

/// <summary>Draws a workflow definition as a Mermaid flowchart.</summary>
public static class WorkflowGraph
{
    /// <summary>Mermaid text: nodes shaped by kind, conditional edges labelled with their outcome and bound.</summary>
    public static string ToMermaid(WorkflowDefinition workflow)
    {
        var sb = new StringBuilder("flowchart TD\n");
        foreach (var node in workflow.Nodes)
        {
            var id = Id(node.Id);
            var label = node.Kind == NodeKind.Agent && node.Agent != node.Id ? $"{node.Id} ({node.Agent})" : node.Id;
            sb.Append("  ").Append(id).Append(node.Kind switch
            {
                NodeKind.Intake or NodeKind.Output => $"([\"{label}\"])",
                NodeKind.Human => $"[/\"{label}: wait for answers\"/]",
                NodeKind.Validator => $"[[\"{label}\"]]",
                _ => $"[\"{label}\"]",
            }).Append('\n');
        }

        foreach (var edge in workflow.Edges)
        {
            var label = edge.When.Count == 0 ? "" : string.Join(" or ", edge.When) + (edge.MaxRounds is { } max ? $", max {max.ToString(CultureInfo.InvariantCulture)}" : "");
            foreach (var from in edge.From)
            {
                foreach (var to in edge.To)
                {
                    sb.Append("  ").Append(Id(from)).Append(label.Length > 0 ? $" -->|\"{label}\"| " : " --> ").Append(Id(to)).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    private static string Id(string id) => "n_" + new string([.. id.Select(c => char.IsLetterOrDigit(c) ? c : '_')]);
}
