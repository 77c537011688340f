using System.ComponentModel;
using System.IO.Pipelines;
using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Verification;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ArchitectAgents.Verification.Tests;

/// <summary>The context7 tools handed to model-backed agents, and servers that still call the docs tool get-library-docs.</summary>
public sealed class Context7ToolSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetToolsAsync_RealServer_ReturnsItsToolsForTheCatalogueNames()
    {
        // Arrange
        await using var api = await Fixtures.ApiAsync();
        await using var source = new Context7ToolSource(Context7Server.Stdio(api));

        // Act
        var tools = await source.GetToolsAsync([Context7ToolSource.ResolveName, Context7ToolSource.QueryDocsName, "github.search"], Ct);
        var resolve = Assert.IsAssignableFrom<AIFunction>(tools[0]);
        var answer = await resolve.InvokeAsync(new AIFunctionArguments { ["libraryName"] = "npgsql", ["query"] = "current version" }, Ct);

        // Assert
        Assert.Equal([Context7Client.ResolveTool, Context7Client.QueryDocsTool], tools.Select(t => t.Name));
        Assert.Contains("/npgsql/npgsql", JsonSerializer.Serialize(answer), StringComparison.Ordinal);
        Assert.Empty(await source.GetToolsAsync(["github.search"], Ct));
    }

    [Fact]
    public async Task GetToolsAsync_ServerCannotStart_ReturnsNoToolsAndSaysWhy()
    {
        await using var source = new Context7ToolSource(new Context7Options { Command = "node", Args = ["/nonexistent/context7.js"], TimeoutSeconds = 20 });

        var tools = await source.GetToolsAsync([Context7ToolSource.ResolveName], Ct);

        Assert.Empty(tools);
        Assert.StartsWith("context7 server could not be reached", source.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LegacyServer_GetLibraryDocs_IsDiscoveredAndUsed()
    {
        // Arrange: a server shaped like context7 before 2.0 (resolve-library-id + get-library-docs), in process over pipes.
        await using var legacy = await LegacyServer.StartAsync();
        await using var registries = await RegistryStub.StartAsync();
        var options = Fixtures.Options(new Context7Options(), registries);
        var verifier = Fixtures.Verifier(options, connect: ct => Context7Client.ConnectAsync(legacy.ClientTransport(), TimeSpan.FromSeconds(20), ct));

        // Act
        var section = await verifier.VerifyAsync([Fixtures.Npgsql], Ct);
        await using var source = new Context7ToolSource(ct => Context7Client.ConnectAsync(legacy.ClientTransport(), TimeSpan.FromSeconds(20), ct));
        var tools = await source.GetToolsAsync([Context7ToolSource.QueryDocsName], Ct);

        // Assert
        var entry = Assert.Single(section.Entries);
        Assert.True(entry.Status == VerificationStatus.Verified, entry.Reason);
        Assert.Equal("/npgsql/npgsql", entry.LibraryId);
        Assert.Contains("Npgsql 10.0", entry.Excerpt, StringComparison.Ordinal);
        Assert.Equal("/npgsql/npgsql", Assert.Single(legacy.DocsRequests));
        Assert.Equal(Context7Client.LegacyDocsTool, Assert.Single(tools).Name);
    }

    /// <summary>An MCP server (the real SDK, in process) with the pre-2.0 context7 tool names and parameters.</summary>
    private sealed class LegacyServer : IAsyncDisposable
    {
        private readonly List<(Pipe ToServer, Pipe ToClient, McpServer Server, Task Run)> _sessions = [];
        private readonly CancellationTokenSource _stop = new();

        public List<string> DocsRequests { get; } = [];

        public static Task<LegacyServer> StartAsync() => Task.FromResult(new LegacyServer());

        public StreamClientTransport ClientTransport()
        {
            var toServer = new Pipe();
            var toClient = new Pipe();
            var server = McpServer.Create(new StreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream()), new McpServerOptions
            {
                ServerInfo = new Implementation { Name = "Context7", Version = "1.0.14" },
                ToolCollection =
                [
                    McpServerTool.Create(([Description("Library name")] string libraryName) =>
                        "Available Libraries (top matches):\n\nEach result includes:\n- Library ID: Context7-compatible identifier\n\n----------\n\n"
                        + $"- Title: Npgsql\n- Context7-compatible library ID: /npgsql/npgsql\n- Description: .NET data provider for PostgreSQL ({libraryName})\n- Code Snippets: 512\n- Trust Score: 9.1",
                        new McpServerToolCreateOptions { Name = "resolve-library-id" }),
                    McpServerTool.Create((string context7CompatibleLibraryID, string? topic = null, int? tokens = null) =>
                    {
                        lock (DocsRequests)
                        {
                            DocsRequests.Add(context7CompatibleLibraryID);
                        }

                        return "TITLE: Npgsql 10.0 release notes\nDESCRIPTION: Npgsql 10.0 removes the legacy timestamp switch.\nSOURCE: https://www.npgsql.org/doc/release-notes/10.0.html";
                    }, new McpServerToolCreateOptions { Name = "get-library-docs" }),
                ],
            });
            _sessions.Add((toServer, toClient, server, server.RunAsync(_stop.Token)));
            return new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream());
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            foreach (var session in _sessions)
            {
                await session.Server.DisposeAsync();
                try
                {
                    await session.Run;
                }
                catch (OperationCanceledException)
                {
                }
            }

            _stop.Dispose();
        }
    }
}
