using System.Text.Json;

namespace ArchitectAgents.Cli.Tests;

public sealed class CatalogCommandTests
{
    [Fact]
    public async Task Agents_ListsEveryAgentWithItsContract()
    {
        var (code, stdout, _) = await CliProcess.RunAsync(null, "agents");

        Assert.Equal(0, code);
        foreach (var id in new[] { "context-gatherer", "docs-verifier", "designer", "security-reviewer", "checklist-gate" })
        {
            Assert.Contains(id, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("writes: design", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_PrintsTheWorkflowAsMermaid()
    {
        var (code, stdout, _) = await CliProcess.RunAsync(null, "graph");

        Assert.Equal(0, code);
        Assert.StartsWith("flowchart TD", stdout, StringComparison.Ordinal);
        Assert.Contains("n_designer --> n_security_reviewer", stdout, StringComparison.Ordinal);
        Assert.Contains("n_designer --> n_artifact_validator", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_PrintsTheGeneratedJsonSchema()
    {
        var (code, stdout, _) = await CliProcess.RunAsync(null, "schema");

        Assert.Equal(0, code);
        using var schema = JsonDocument.Parse(stdout);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.True(schema.RootElement.GetProperty("properties").TryGetProperty("verification", out _));
    }

    [Fact]
    public async Task UnknownCommand_ExitTwo()
    {
        var (code, _, stderr) = await CliProcess.RunAsync(null, "desgin");

        Assert.Equal(2, code);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
    }
}
