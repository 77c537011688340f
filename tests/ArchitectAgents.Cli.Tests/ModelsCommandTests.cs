using ArchitectAgents.StubModel;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Cli.Tests;

/// <summary><c>architect models</c> and the design command on a configured model, with budgets.</summary>
public sealed class ModelsCommandTests
{
    private static Dictionary<string, string> StubEnvironment(StubModelServer stub) => new()
    {
        ["ARCHITECT_Models__stub__Provider"] = "OpenAICompatible",
        ["ARCHITECT_Models__stub__Endpoint"] = stub.OpenAIEndpoint,
        ["ARCHITECT_Models__stub__Model"] = "stub-model",
        ["ARCHITECT_Models__stub__ApiKey"] = "sk-cli-SECRET-42",
        ["ARCHITECT_Models__stub__InputPricePerMillion"] = "1",
        ["ARCHITECT_Models__stub__OutputPricePerMillion"] = "4",
        ["ARCHITECT_Models__hosted__Provider"] = "OpenAI",
        ["ARCHITECT_Models__hosted__Model"] = "gpt-test",
        ["ARCHITECT_Models__hosted__ApiKeyVariable"] = "ARCHITECT_TEST_NO_SUCH_KEY",
    };

    [Fact]
    public async Task Models_ListsEachEntryAndWhetherItIsUsable_WithoutPrintingKeys()
    {
        await using var stub = await StubModelServer.StartAsync();

        var (code, stdout, _) = await CliProcess.RunWithEnvironmentAsync(StubEnvironment(stub), null, "models");

        Assert.Equal(0, code);
        var lines = stdout.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("default ", StringComparison.Ordinal) && l.Contains("Offline", StringComparison.Ordinal) && l.Contains("usable", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("hosted ", StringComparison.Ordinal) && l.Contains("NOT usable", StringComparison.Ordinal) && l.Contains("ARCHITECT_TEST_NO_SUCH_KEY", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("stub ", StringComparison.Ordinal) && l.Contains("key present", StringComparison.Ordinal));
        Assert.Contains("used by: context-gatherer, designer, docs-verifier", stdout.Replace("checklist-gate, ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Design_OnTheStubModel_PrintsUsagePerAgent()
    {
        await using var stub = await StubModelServer.StartAsync();
        using var dir = new TempDirectory();

        var (code, stdout, stderr) = await CliProcess.RunWithEnvironmentAsync(StubEnvironment(stub), null,
            "design", "examples/briefs/telehealth.md", "--out", dir.Path, "--non-interactive", "--model", "stub", "--json");

        Assert.True(code is 0 or 1, stderr);
        Assert.NotEmpty(stub.CallsFor("designer"));
        using var summary = System.Text.Json.JsonDocument.Parse(stdout);
        var usage = summary.RootElement.GetProperty("usage");
        Assert.Equal(stub.Calls.Where(c => c.Status == 200).Sum(c => c.InputTokens), usage.GetProperty("inputTokens").GetInt64());
        Assert.Equal(5, usage.GetProperty("agents").GetArrayLength());
        Assert.DoesNotContain("SECRET", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Design_OverItsTokenBudget_StopsWithTheReasonAndWritesNothing()
    {
        await using var stub = await StubModelServer.StartAsync();
        using var dir = new TempDirectory();
        var outDir = Path.Combine(dir.Path, "out");

        var (code, _, stderr) = await CliProcess.RunWithEnvironmentAsync(StubEnvironment(stub), null,
            "design", "examples/briefs/telehealth.md", "--out", outDir, "--non-interactive", "--model", "stub", "--max-tokens", "2000");

        Assert.Equal(2, code);
        Assert.Contains("token budget exhausted", stderr, StringComparison.Ordinal);
        Assert.Contains("usage: ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Theory]
    [InlineData("--model", "nope", "model 'nope' is not configured")]
    [InlineData("--model", "hosted", "model 'hosted' cannot be used: no key")]
    [InlineData("--agent-model", "designer", "must look like AGENT=MODEL")]
    [InlineData("--agent-model", "architect=stub", "'architect' is not an agent")]
    [InlineData("--max-cost", "0", "--max-cost must be a positive number")]
    public async Task Design_BadModelOptions_ExitTwoWithAOneLineReason(string option, string value, string expected)
    {
        await using var stub = await StubModelServer.StartAsync();
        using var dir = new TempDirectory();

        var (code, _, stderr) = await CliProcess.RunWithEnvironmentAsync(StubEnvironment(stub), null,
            "design", "examples/briefs/telehealth.md", "--out", Path.Combine(dir.Path, "out"), "--non-interactive", option, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Empty(stub.Calls);
    }
}
