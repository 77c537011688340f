using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Core.Tests.Workflows;

public sealed class WorkflowLoaderTests
{
    private static readonly AgentCatalog Catalog = AgentCatalog.LoadDirectory(RepoPaths.Agents);
    private static readonly string Yaml = File.ReadAllText(RepoPaths.DefaultWorkflow);

    [Fact]
    public void LoadFile_RepositoryWorkflow_HasFanOutFanInAndBoundedLoops()
    {
        var wf = WorkflowLoader.LoadFile(RepoPaths.DefaultWorkflow, Catalog);

        Assert.Equal("intake", wf.Start);
        Assert.Contains(wf.Edges, e => e.From.SequenceEqual(["designer"]) && e.To.SequenceEqual(["security-reviewer", "artifact-validator"]));
        Assert.Contains(wf.Edges, e => e.From.SequenceEqual(["security-reviewer", "artifact-validator"]) && e.To.SequenceEqual(["checklist-gate"]));
        Assert.Equal(3, wf.Edges.Single(e => e.From[0] == "checklist-gate" && e.When.Contains("revise")).MaxRounds);
        Assert.Equal(NodeKind.Human, wf.Node("clarify").Kind);
    }

    [Theory]
    [InlineData("    agent: designer\n", "    agent: desginer\n", "node 'designer' uses unknown agent 'desginer'")]
    [InlineData("    to: docs-verifier\n", "    to: docs-verifyer\n", "dangling edge, no node 'docs-verifyer'")]
    [InlineData("    when: revise\n    max-rounds: 3\n", "    when: revise\n", "cycle without a bound: ")]
    [InlineData("    max-rounds: 3\n", "    max-rounds: 30\n", "'max-rounds' must be between 1 and 10")]
    [InlineData("start: intake", "start: designer", "'start' must be an intake node")]
    [InlineData("    when: revise\n", "    when: redo\n", "'when' names outcome 'redo' that 'checklist-gate' never reports")]
    [InlineData("  - id: deliverables\n    kind: output\n", "  - id: deliverables\n    kind: outptu\n", "'kind' 'outptu' is not one of")]
    public void Parse_BrokenWorkflow_FailsBeforeAnyRunWithAClearMessage(string from, string to, string expected)
    {
        Assert.Contains(from, Yaml, StringComparison.Ordinal);

        var ex = Assert.Throws<CatalogException>(() => WorkflowLoader.Parse(Yaml.Replace(from, to, StringComparison.Ordinal), "workflows/architect-design.yaml", Catalog));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("workflows/architect-design.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnreachableNode_IsRejected()
    {
        var yaml = Yaml.Replace("  - id: deliverables\n", "  - id: orphan\n    agent: designer\n  - id: deliverables\n", StringComparison.Ordinal)
            + "  - from: orphan\n    to: deliverables\n";

        var ex = Assert.Throws<CatalogException>(() => WorkflowLoader.Parse(yaml, "workflows/w.yaml", Catalog));

        Assert.Contains("'orphan' cannot be reached from 'intake'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsTheLine()
    {
        var ex = Assert.Throws<CatalogException>(() => WorkflowLoader.Parse("id: x\nnodes: [\n  - a", "workflows/w.yaml", Catalog));

        Assert.Matches(@"^workflows/w\.yaml: invalid YAML at line \d+", ex.Message);
    }

    [Fact]
    public void ToMermaid_RepositoryWorkflow_DrawsEveryNodeAndTheLoopBound()
    {
        var mermaid = WorkflowGraph.ToMermaid(WorkflowLoader.LoadFile(RepoPaths.DefaultWorkflow, Catalog));

        Assert.StartsWith("flowchart TD\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("n_checklist_gate -->|\"revise, max 3\"| n_designer", mermaid, StringComparison.Ordinal);
        Assert.Contains("n_security_reviewer --> n_checklist_gate", mermaid, StringComparison.Ordinal);
        Assert.Contains("n_artifact_validator --> n_checklist_gate", mermaid, StringComparison.Ordinal);
    }
}
