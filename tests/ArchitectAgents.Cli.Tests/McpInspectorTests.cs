using System.Diagnostics;
using System.Text.Json;
using ArchitectAgents.Tests.Common;
using ArchitectAgents.Tests.Mcp;

namespace ArchitectAgents.Cli.Tests;

/// <summary>
/// <c>architect mcp</c> driven by the real MCP inspector (<c>@modelcontextprotocol/inspector</c> 2.12.0, pinned in
/// tools/mcp-inspector) in CLI mode: each call launches the server, so a run started by one call is carried on by the
/// next process from the store, as a desktop client that restarts the server would see it.
/// </summary>
public sealed class McpInspectorTests : IDisposable
{
    private static readonly string Inspector = Path.Combine(RepoPaths.Root, "tools", "mcp-inspector", "node_modules", "@modelcontextprotocol", "inspector", "clients", "launcher", "build", "index.js");

    private readonly TempDirectory _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Inspector_ListsTools_StartsAnInteractiveDesign_AnswersIt_AndReadsTheDeliverables()
    {
        Assert.True(File.Exists(Inspector), $"the MCP inspector is not installed (run: npm ci --prefix tools/mcp-inspector): {Inspector}");

        var tools = await InspectAsync("--method", "tools/list");
        Assert.Equal(McpDesignClient.ToolNames, tools.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Order(StringComparer.Ordinal));

        var started = await CallAsync("start_design", new { brief = McpDesignClient.InteractiveBrief, interactive = true });
        var id = started.GetProperty("runId").GetString()!;
        var waiting = await WaitAsync(id, "awaiting_input");
        Assert.Contains("q-scale", waiting.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()));

        var answered = await CallAsync("answer_questions", new { runId = id, answers = new Dictionary<string, string> { ["q-scale"] = "About 4,000 members", ["q-team"] = "Team of 2 developers (Python)" } });
        Assert.Equal("queued", answered.GetProperty("status").GetString());
        var done = await WaitAsync(id, "completed");
        Assert.Equal("pass", done.GetProperty("verdict").GetString());

        var openapi = await CallAsync("get_deliverables", new { runId = id, name = "openapi.yaml" });
        Assert.StartsWith("openapi:", openapi.GetProperty("content").GetString(), StringComparison.Ordinal);
        var read = await InspectAsync("--method", "resources/read", "--uri", $"architect://runs/{id}/deliverables/schema.sql");
        var contents = read.GetProperty("contents")[0];
        Assert.Equal("application/sql", contents.GetProperty("mimeType").GetString());
        Assert.Contains("CREATE TABLE", contents.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    /// <summary>wait_for_run until the status is reached; each call is bounded below the inspector's request timeout.</summary>
    private async Task<JsonElement> WaitAsync(string runId, string status)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            var run = await CallAsync("wait_for_run", new { runId, timeoutSeconds = 40 });
            var seen = run.GetProperty("status").GetString();
            if (seen == status)
            {
                return run;
            }

            Assert.True(seen is "queued" or "running" && DateTime.UtcNow < deadline, $"run {runId} is {seen}, waiting for {status}: {run.GetRawText()}");
        }
    }

    private async Task<JsonElement> CallAsync(string tool, object arguments)
    {
        var result = await InspectAsync("--method", "tools/call", "--tool-name", tool, "--tool-args-json", JsonSerializer.Serialize(arguments));
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), result.GetRawText());
        return result.GetProperty("structuredContent");
    }

    /// <summary>
    /// One inspector invocation (it launches <c>dotnet architect.dll mcp</c>); returns the result payload. The connect
    /// timeout is raised from 15 s because the server's start (the .NET host, the store) is slower on a busy test machine.
    /// </summary>
    private async Task<JsonElement> InspectAsync(params string[] method)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var arg in new[] { Inspector, "--cli", "--quiet", "--format", "json", "--connect-timeout", "120000", "-e", $"ARCHITECT_Cli__StateDirectory={_state.Path}", "--cwd", RepoPaths.Root, "dotnet", CliProcess.Dll, "mcp" }.Concat(method))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"inspector {string.Join(' ', method)} exited {process.ExitCode}:\n{output}\n{await stderr}");
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("result").Clone();
    }
}
