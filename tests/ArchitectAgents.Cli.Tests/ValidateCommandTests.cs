using System.Text.Json;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Cli.Tests;

public sealed class ValidateCommandTests
{
    private static readonly string Corpus = Path.Combine(RepoPaths.Root, "tests", "corpus");

    [Fact]
    public async Task Validate_OurOwnDeliverables_AllPassExitZero()
    {
        using var dir = new TempDirectory();
        var (designCode, _, designErr) = await CliProcess.RunAsync(null, "design", RepoPaths.Brief("iot-fleet"), "--out", dir.Path, "--non-interactive");
        // 0 = the gate passed, 1 = delivered with the gate's issues; either way every deliverable is written, and
        // this test is about what the validators say of them.
        Assert.True(designCode is 0 or 1, designErr);

        var (code, stdout, stderr) = await CliProcess.RunAsync(null, "validate", dir.Path);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("PASSED  architecture.mmd (mermaid)", stdout, StringComparison.Ordinal);
        Assert.Contains("PASSED  openapi.yaml (openapi)", stdout, StringComparison.Ordinal);
        Assert.Contains("PASSED  schema.sql (postgresql-pglite)", stdout, StringComparison.Ordinal);
        Assert.Contains("PASSED  design.json (document-rules)", stdout, StringComparison.Ordinal);
        Assert.Contains("5 passed, 0 failed, 0 skipped", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_PartialSetWithABrokenSchema_ListsAbsentFilesAndExitsOne()
    {
        using var dir = new TempDirectory();
        File.Copy(Path.Combine(Corpus, "openapi", "valid-01-orders.yaml"), Path.Combine(dir.Path, "openapi.yaml"));
        File.Copy(Path.Combine(Corpus, "sql", "broken-02-unknown-type.sql"), Path.Combine(dir.Path, "schema.sql"));

        var (code, stdout, _) = await CliProcess.RunAsync(null, "validate", dir.Path, "--json");

        Assert.Equal(1, code);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal(["architecture.mmd", "design.json"], report.RootElement.GetProperty("absent").EnumerateArray().Select(e => e.GetString()));
        var results = report.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var sql = results.Single(r => r.GetProperty("artifact").GetString() == "schema.sql");
        Assert.Equal("failed", sql.GetProperty("outcome").GetString());
        var error = sql.GetProperty("messages")[0];
        Assert.Contains("type \"varchar2\" does not exist", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, error.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Validate_SingleBrokenFile_PrintsFileLineAndMessage()
    {
        var (code, stdout, _) = await CliProcess.RunAsync(null, "validate", Path.Combine(Corpus, "openapi", "broken-03-no-security.yaml"));

        Assert.Equal(1, code);
        Assert.Contains("error: openapi.yaml:9:1: DELETE /v1/orders/{id} has no security requirement", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty-dir")]
    public async Task Validate_NothingToValidate_ExitTwo(string kind)
    {
        using var dir = new TempDirectory();
        var path = kind == "missing" ? Path.Combine(dir.Path, "nope") : dir.Path;

        var (code, _, stderr) = await CliProcess.RunAsync(null, "validate", path);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }
}
