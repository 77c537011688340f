using System.Text.Json;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Cli.Tests;

public sealed class DesignCommandTests
{
    private static readonly string[] Deliverables = ["architecture.md", "architecture.mmd", "design.json", "openapi.yaml", "review.md", "schema.sql"];

    [Fact]
    public async Task Design_ExampleBrief_WritesTheDeliverableSetAndExitsZero()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out", "nested");

        var (code, stdout, stderr) = await CliProcess.RunAsync(null, "design", RepoPaths.Brief("telehealth"), "--out", output, "--non-interactive");

        Assert.True(code == 0, stderr);
        Assert.Equal(Deliverables, Directory.GetFiles(output).Select(Path.GetFileName).Order());
        Assert.Contains("✓ context-gatherer: ready", stderr, StringComparison.Ordinal);
        Assert.Contains("> designer (round 2)", stderr, StringComparison.Ordinal);
        Assert.Contains("completed:", stdout, StringComparison.Ordinal);
        Assert.Equal([output], Directory.GetDirectories(Path.GetDirectoryName(output)!));
        using var design = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "design.json")));
        Assert.Equal("pass", design.RootElement.GetProperty("gate").GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Design_BriefOnStdinWithJson_PrintsAMachineReadableSummary()
    {
        using var dir = new TempDirectory();

        var (code, stdout, stderr) = await CliProcess.RunAsync("# Todo API\nTeam of 2, 800 users, internal tool.", "design", "-", "--out", dir.Path, "--json");

        Assert.True(code == 0, stderr);
        using var summary = JsonDocument.Parse(stdout);
        Assert.Equal("completed", summary.RootElement.GetProperty("status").GetString());
        Assert.Equal(6, summary.RootElement.GetProperty("files").GetArrayLength());
        Assert.Contains(summary.RootElement.GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.StartsWith("ASSUMPTION:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Design_GateCannotSendBack_ExitsOneWithTheReport()
    {
        using var dir = new TempDirectory();
        var yaml = File.ReadAllText(RepoPaths.DefaultWorkflow)
            .Replace("  - from: checklist-gate\n    to: designer\n    when: revise\n    max-rounds: 3\n", "", StringComparison.Ordinal);
        var workflow = dir.File("no-revision.yaml", yaml);
        var output = Path.Combine(dir.Path, "out");

        var (code, stdout, stderr) = await CliProcess.RunAsync(null, "design", RepoPaths.Brief("telehealth"), "--out", output, "--workflow", workflow, "--non-interactive");

        Assert.True(code == 1, stderr);
        Assert.Contains("completed_with_issues", stdout, StringComparison.Ordinal);
        Assert.Contains("**Verdict:** fail", File.ReadAllText(Path.Combine(output, "review.md")), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadBriefs() => new()
    {
        { "empty", "", "is empty" },
        { "blank", "  \n\t \n", "is empty" },
        { "binary", "PK\u0003\u0004\0\0binary", "is a binary file" },
        { "huge", new string('a', 300 * 1024), "the limit is 256 KiB" },
    };

    [Theory]
    [MemberData(nameof(BadBriefs))]
    public async Task Design_BadBrief_OneLineErrorExitTwoNothingWritten(string name, string content, string expected)
    {
        using var dir = new TempDirectory();
        var brief = dir.File(name + ".md", content);
        var output = Path.Combine(dir.Path, "out");

        var (code, stdout, stderr) = await CliProcess.RunAsync(null, "design", brief, "--out", output);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Design_MissingFile_ExitTwo()
    {
        using var dir = new TempDirectory();

        var (code, _, stderr) = await CliProcess.RunAsync(null, "design", Path.Combine(dir.Path, "nope.md"), "--out", Path.Combine(dir.Path, "out"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file")]
    [InlineData("under-a-file")]
    [InlineData("proc")]
    public async Task Design_UnwritableOut_ExitTwoBeforeAnyWork(string kind)
    {
        using var dir = new TempDirectory();
        var file = dir.File("taken", "x");
        var output = kind switch
        {
            "file" => file,
            "under-a-file" => Path.Combine(file, "out"),
            _ => "/proc/architect-test-out",
        };

        var (code, _, stderr) = await CliProcess.RunAsync(null, "design", RepoPaths.Brief("vague"), "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("context-gatherer", stderr, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public async Task Design_MissingOutOption_ExitTwo()
    {
        var (code, _, stderr) = await CliProcess.RunAsync(null, "design", RepoPaths.Brief("vague"));

        Assert.Equal(2, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Design_BrokenWorkflowFile_ExitTwoNamingTheFile()
    {
        using var dir = new TempDirectory();
        var workflow = dir.File("broken.yaml", File.ReadAllText(RepoPaths.DefaultWorkflow).Replace("agent: designer", "agent: desginer", StringComparison.Ordinal));

        var (code, _, stderr) = await CliProcess.RunAsync(null, "design", RepoPaths.Brief("vague"), "--out", Path.Combine(dir.Path, "out"), "--workflow", workflow);

        Assert.Equal(2, code);
        Assert.Contains("broken.yaml: node 'designer' uses unknown agent 'desginer'", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }
}
