using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Core.Tests.Validation;

/// <summary>A validator whose tool is missing says skipped and names the tool, never passed.</summary>
public sealed class MissingToolTests
{
    private static readonly DesignDocument Doc = new()
    {
        Design = new DesignSection
        {
            Architecture = new ArchitectureDesign { Mermaid = "flowchart LR\n  a --> b\n" },
            Database = new DatabaseDesign { Ddl = "CREATE TABLE t (id int);" },
        },
    };

    [Fact]
    public async Task NoNodePackages_MermaidAndSqlAreSkippedNamingThePackage()
    {
        await using var set = new ValidatorSet(new ValidatorOptions { NodeToolsPath = Path.Combine(Path.GetTempPath(), "no-such-tools-" + Guid.NewGuid()) });

        var mermaid = await set.Validators.Single(v => v.Name == "mermaid").ValidateAsync(Doc, TestContext.Current.CancellationToken);
        var sql = await set.Validators.Single(v => v.Artifact == "schema.sql").ValidateAsync(Doc, TestContext.Current.CancellationToken);

        Assert.Equal(ValidationOutcome.Skipped, mermaid.Outcome);
        Assert.Contains("mermaid", mermaid.SkippedReason, StringComparison.Ordinal);
        Assert.Equal(ValidationOutcome.Skipped, sql.Outcome);
        Assert.Contains("PGlite", sql.SkippedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoNodeExecutable_IsSkippedNamingNode()
    {
        await using var set = new ValidatorSet(new ValidatorOptions
        {
            NodeToolsPath = Path.Combine(RepoPaths.Root, "tools", "validators"),
            Node = "/nonexistent/bin/node",
        });

        var result = await set.Validators.Single(v => v.Name == "mermaid").ValidateAsync(Doc, TestContext.Current.CancellationToken);

        Assert.Equal(ValidationOutcome.Skipped, result.Outcome);
        Assert.Contains("node not found", result.SkippedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableServer_IsSkippedNotPassed()
    {
        var validator = new SqlValidator("Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=2");

        var result = await validator.ValidateAsync(Doc, TestContext.Current.CancellationToken);

        Assert.Equal(ValidationOutcome.Skipped, result.Outcome);
        Assert.Contains("not reachable", result.SkippedReason, StringComparison.Ordinal);
    }
}
