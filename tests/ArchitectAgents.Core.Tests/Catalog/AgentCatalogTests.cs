using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Core.Tests.Catalog;

public sealed class AgentCatalogTests
{
    private const string Valid = """
        ---
        id: designer
        name: Designer
        description: Designs.
        reads: [brief, context]
        writes: [design]
        outcomes: [done]
        model: default
        tools: []
        ---
        You design things.
        """;

    [Fact]
    public void LoadDirectory_RepositoryAgents_LoadsAllFiveWithTheirContracts()
    {
        var catalog = AgentCatalog.LoadDirectory(RepoPaths.Agents);

        Assert.Equal(["checklist-gate", "context-gatherer", "designer", "docs-verifier", "security-reviewer"], catalog.Agents.Select(a => a.Id));
        Assert.Equal(["design"], catalog["designer"].Writes);
        Assert.Equal(["questions", "ready"], catalog["context-gatherer"].Outcomes);
        Assert.Contains("context7.resolve-library-id", catalog["docs-verifier"].Tools);
        Assert.All(catalog.Agents, a => Assert.True(a.Instructions.Length > 500, $"{a.Id} instructions are too short"));
    }

    [Fact]
    public void Parse_ValidFile_ReadsEveryField()
    {
        var agent = AgentCatalog.Parse(Valid, "agents/designer.md");

        Assert.Equal("Designer", agent.Name);
        Assert.Equal(["brief", "context"], agent.Reads);
        Assert.Equal("default", agent.Model);
        Assert.Equal("You design things.", agent.Instructions);
    }

    [Theory]
    [InlineData("writes: [design]", "writes: [desing]", "agents/designer.md: 'writes' lists unknown section 'desing'")]
    [InlineData("reads: [brief, context]", "reads: [brief, contxt]", "agents/designer.md: 'reads' lists unknown section 'contxt'")]
    [InlineData("id: designer", "id: painter", "agents/designer.md: 'id' is 'painter' but the file is named designer.md")]
    [InlineData("name: Designer\n", "", "agents/designer.md: 'name' is required")]
    [InlineData("model: default", "modle: default", "agents/designer.md: unknown field 'modle'")]
    [InlineData("writes: [design]", "writes: []", "agents/designer.md: 'writes' must list at least one section")]
    [InlineData("reads: [brief, context]", "reads: [brief, context", "agents/designer.md: invalid YAML")]
    [InlineData("You design things.", "", "agents/designer.md: the instructions after the front matter are empty")]
    public void Parse_InvalidField_NamesFileAndField(string from, string to, string expected)
    {
        var ex = Assert.Throws<CatalogException>(() => AgentCatalog.Parse(Valid.Replace(from, to, StringComparison.Ordinal), "agents/designer.md"));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoFrontMatter_SaysSo()
    {
        var ex = Assert.Throws<CatalogException>(() => AgentCatalog.Parse("# Just markdown", "agents/x.md"));

        Assert.Contains("agents/x.md: no YAML front matter", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_ReadmeBesideAgents_IsNotAnAgent()
    {
        using var dir = new TempDirectory();
        var sub = Directory.CreateDirectory(Path.Combine(dir.Path, "agents")).FullName;
        File.WriteAllText(Path.Combine(sub, "designer.md"), Valid);
        File.WriteAllText(Path.Combine(sub, "README.md"), "not an agent");

        var catalog = AgentCatalog.LoadDirectory(sub);

        Assert.Single(catalog.Agents);
    }
}
