using System.Collections.Concurrent;
using System.Text.Json;
using ArchitectAgents.Tests.Common;
using ArchitectAgents.Tests.Mcp;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ArchitectAgents.Cli.Tests;

/// <summary><c>architect mcp</c> launched by the real MCP client over stdio, with the engine in the CLI process.</summary>
public sealed class McpCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private McpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "architect",
            Command = "dotnet",
            Arguments = [CliProcess.Dll, "mcp"],
            WorkingDirectory = RepoPaths.Root,
            // A state directory of its own, so the store (mcp.db in it) starts empty and is removed afterwards.
            EnvironmentVariables = new Dictionary<string, string?> { ["ARCHITECT_Cli__StateDirectory"] = _state.Path },
            StandardErrorLines = _stderr.Enqueue,
        });
        _client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task Mcp_OverStdio_RunsADesignAndServesItsDeliverables()
    {
        var tools = await _client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(McpDesignClient.ToolNames, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal("architect-agents", _client.ServerInfo?.Name);

        var id = await _client.StartAsync(McpDesignClient.ShortBrief);
        var progress = new McpDesignClient.ProgressLog();
        var run = await _client.WaitForAsync(id, McpDesignClient.Finished, progress);

        Assert.True(run.GetProperty("status").GetString() == "completed", $"{run.GetRawText()}\nstderr:\n{string.Join("\n", _stderr)}");
        Assert.Contains(progress.Values, p => p.Message == "node_completed designer");
        var openapi = await _client.CallOkAsync("get_deliverables", new() { ["runId"] = id, ["name"] = "openapi.yaml" });
        Assert.StartsWith("openapi:", openapi.GetProperty("content").GetString(), StringComparison.Ordinal);
        var read = await _client.ReadResourceAsync($"architect://runs/{id}/deliverables/architecture.mmd", cancellationToken: TestContext.Current.CancellationToken);
        var diagram = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        Assert.Equal("text/vnd.mermaid", diagram.MimeType);
        Assert.StartsWith("flowchart", diagram.Text, StringComparison.Ordinal);
        Assert.Contains((await _client.ListResourcesAsync(cancellationToken: TestContext.Current.CancellationToken)), r => r.Uri == $"architect://runs/{id}/deliverables/review.md");
        Assert.Equal("brief is empty", await _client.CallErrorAsync("start_design", new() { ["brief"] = "" }));

        // The engine ran in the CLI process, on the store under the state directory.
        Assert.True(File.Exists(Path.Combine(_state.Path, "mcp.db")));
    }

    [Fact]
    public async Task Mcp_OverStdio_InteractiveRunAsksAndAnswersResumeIt()
    {
        var id = await _client.StartAsync(McpDesignClient.InteractiveBrief, interactive: true);

        var waiting = await _client.WaitForAsync(id, [.. McpDesignClient.Finished, "awaiting_input"]);
        Assert.Equal("awaiting_input", waiting.GetProperty("status").GetString());
        Assert.Contains("q-scale", waiting.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()));
        var answered = await _client.CallOkAsync("answer_questions", new() { ["runId"] = id, ["answers"] = new Dictionary<string, string> { ["q-scale"] = "About 4,000 members" } });
        Assert.Equal("queued", answered.GetProperty("status").GetString());

        var done = await _client.WaitForAsync(id, McpDesignClient.Finished);
        Assert.True(done.GetProperty("status").GetString() is "completed" or "completed_with_issues", done.GetRawText());
        var design = await _client.CallOkAsync("get_deliverables", new() { ["runId"] = id, ["name"] = "design.json" });
        using var document = JsonDocument.Parse(design.GetProperty("content").GetString()!);
        Assert.Equal(4000, document.RootElement.GetProperty("context").GetProperty("figures").GetProperty("users").GetProperty("value").GetDouble());
    }
}
