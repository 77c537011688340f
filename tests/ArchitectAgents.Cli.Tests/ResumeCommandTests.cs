using ArchitectAgents.StubModel;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Cli.Tests;

/// <summary><c>architect resume</c>: a CLI run that stopped continues from its last checkpoint, without paying again for finished agents.</summary>
public sealed class ResumeCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Dictionary<string, string> Environment(StubModelServer stub) => new()
    {
        ["ARCHITECT_Cli__StateDirectory"] = Path.Combine(_dir.Path, "state"),
        ["ARCHITECT_Models__stub__Provider"] = "OpenAICompatible",
        ["ARCHITECT_Models__stub__Endpoint"] = stub.OpenAIEndpoint,
        ["ARCHITECT_Models__stub__Model"] = "stub-model",
        ["ARCHITECT_Models__stub__ApiKey"] = "sk-test",
    };

    [Fact]
    public async Task StoppedByItsBudget_ResumesWithALargerOne_AndFinishedAgentsAreNotCalledAgain()
    {
        await using var stub = await StubModelServer.StartAsync();
        var env = Environment(stub);
        var outDir = Path.Combine(_dir.Path, "out");

        var (stopped, _, stopErr) = await CliProcess.RunWithEnvironmentAsync(env, null,
            "design", "examples/briefs/telehealth.md", "--out", outDir, "--non-interactive", "--model", "stub", "--max-tokens", "2000");
        Assert.Equal(2, stopped);
        var hint = stopErr.Split('\n').Single(l => l.StartsWith("resume: architect resume ", StringComparison.Ordinal));
        var runId = hint.Split(' ')[3];
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "a stopped run wrote deliverables");
        var gathererCalls = stub.CallsFor("context-gatherer").Count;
        Assert.Equal(1, gathererCalls);

        var (_, listed, _) = await CliProcess.RunWithEnvironmentAsync(env, null, "resume");
        Assert.Contains(runId, listed, StringComparison.Ordinal);

        var (resumed, stdout, resumeErr) = await CliProcess.RunWithEnvironmentAsync(env, null, "resume", runId, "--max-tokens", "100000000", "--json");

        Assert.True(resumed is 0 or 1, resumeErr);
        Assert.Contains("resuming " + runId, resumeErr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "architecture.md")));
        Assert.Equal(gathererCalls, stub.CallsFor("context-gatherer").Count);
        Assert.NotEmpty(stub.CallsFor("designer"));
        using var summary = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(runId, summary.RootElement.GetProperty("runId").GetString());
        // Tokens spent before the stop still count in the finished run's usage.
        Assert.Equal(stub.Calls.Where(c => c.Status == 200).Sum(c => c.InputTokens), summary.RootElement.GetProperty("usage").GetProperty("inputTokens").GetInt64());

        var (again, _, againErr) = await CliProcess.RunWithEnvironmentAsync(env, null, "resume", runId);
        Assert.Equal(2, again);
        Assert.Contains("no resumable run", againErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CtrlC_StopsWithExitCode130AndAResumeHint_ThenResumeFinishesIt()
    {
        await using var stub = await StubModelServer.StartAsync();
        var env = Environment(stub);
        env["ARCHITECT_Models__default__LatencyMs"] = "1500";
        var outDir = Path.Combine(_dir.Path, "interrupted");
        var interrupted = false;

        var (code, _, stderr) = await CliProcess.RunWithEnvironmentAsync(env, null, (line, process) =>
        {
            // Interrupt once the first agents have finished: the shell's Ctrl+C is SIGINT.
            // Only while it runs: an exited process's pid may be reused by another (a test host beside this one).
            if (!interrupted && !process.HasExited && line.Contains("> designer", StringComparison.Ordinal))
            {
                interrupted = true;
                using var kill = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
            }
        }, "design", "examples/briefs/telehealth.md", "--out", outDir, "--non-interactive");

        Assert.True(interrupted, stderr);
        Assert.Equal(130, code);
        Assert.Contains("was cancelled", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), "an interrupted run wrote deliverables");
        var runId = stderr.Split('\n').Single(l => l.StartsWith("resume: architect resume ", StringComparison.Ordinal)).Split(' ')[3];

        env.Remove("ARCHITECT_Models__default__LatencyMs");
        var (resumed, _, resumeErr) = await CliProcess.RunWithEnvironmentAsync(env, null, "resume", runId);

        Assert.True(resumed is 0 or 1, resumeErr);
        Assert.DoesNotContain("> context-gatherer", resumeErr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "openapi.yaml")));
    }

    [Fact]
    public async Task KilledInsideTheFanOut_ResumeFinishes_AndAgentsThatCompletedAreNotCalledAgain()
    {
        // Issue #18: a run stopped once the security reviewer finished (gate not started) could never finish, and
        // nodes finished since the last checkpoint were paid for again. The stub's latency holds each call open.
        await using var stub = await StubModelServer.StartAsync(TimeSpan.FromMilliseconds(300));
        var env = Environment(stub);
        var outDir = Path.Combine(_dir.Path, "killed");
        var killed = false;

        var (_, _, stderr) = await CliProcess.RunWithEnvironmentAsync(env, null, (line, process) =>
        {
            if (!killed && line.Contains("✓ security-reviewer", StringComparison.Ordinal))
            {
                killed = true;
                process.Kill(entireProcessTree: true);
            }
        }, "design", "examples/briefs/telehealth.md", "--out", outDir, "--non-interactive", "--model", "stub");

        Assert.True(killed, stderr);
        var runId = stderr.Split('\n').First(l => l.StartsWith("architect: ", StringComparison.Ordinal)).Split(' ')[1];
        var before = stub.Calls.Where(c => c.Status == 200).Select(c => (c.Agent, c.Round)).ToList();
        Assert.Contains(("security-reviewer", 1), before);

        var (resumed, _, resumeErr) = await CliProcess.RunWithEnvironmentAsync(env, null, "resume", runId);

        Assert.True(resumed is 0 or 1, resumeErr);
        Assert.True(File.Exists(Path.Combine(outDir, "architecture.md")));
        var calls = stub.Calls.Where(c => c.Status == 200).GroupBy(c => (c.Agent, c.Round)).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(before.Distinct(), call => Assert.True(calls[call] == 1, $"{call.Agent} round {call.Round} was called {calls[call]} times"));
        // The reviewer's first round is never run again: replayed from the journal when the kill came before the
        // checkpoint that follows it, or skipped when that checkpoint was written first (the kill races it).
        Assert.True(
            resumeErr.Contains("replayed from the journal", StringComparison.Ordinal)
            || !resumeErr.Split('\n').Any(l => l.Trim() == "> security-reviewer"),
            resumeErr);
    }

    [Theory]
    [InlineData("run-nope")]
    [InlineData("../../etc")]
    public async Task UnknownRun_IsBadInput(string runId)
    {
        await using var stub = await StubModelServer.StartAsync();

        var (code, _, stderr) = await CliProcess.RunWithEnvironmentAsync(Environment(stub), null, "resume", runId);

        Assert.Equal(2, code);
        Assert.Contains("no resumable run", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinishedRun_LeavesNothingToResume()
    {
        await using var stub = await StubModelServer.StartAsync();
        var env = Environment(stub);

        var (code, _, stderr) = await CliProcess.RunWithEnvironmentAsync(env, null, "design", "examples/briefs/telehealth.md", "--out", Path.Combine(_dir.Path, "done"), "--non-interactive");

        Assert.True(code is 0 or 1, stderr);
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(_dir.Path, "state")));
    }
}
