using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ArchitectAgents.Tests.Common;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ArchitectAgents.Api.Tests.LangGraph;

/// <summary>
/// The real <c>@langchain/langgraph-sdk</c> 1.15.0 (pinned in <c>tools/langgraph-client</c>) drives the service on a
/// loopback port: assistants, a streamed run, an interrupt and its resume, state and history, wait/join/list, a
/// rejoined stream and a cancel. The script prints every check; this test fails on any failed one.
/// </summary>
public sealed class LangGraphSdkTests
{
    private static readonly string ClientFolder = Path.Combine(RepoPaths.Root, "tools", "langgraph-client");

    private static readonly string[] StreamEvents = ["metadata", "events", "updates", "values", "end"];

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task OfficialJsClient_StreamsInterruptsResumesReadsStateAndCancels(string store)
    {
        await using var database = store == "postgres" ? await TestDatabase.CreateAsync() : null;
        Assert.SkipWhen(store == "postgres" && database is null, TestDatabase.SkipReason);
        // A simulated model latency, so the client streams runs while they execute rather than replays finished ones.
        await using var api = new ApiFactory(new() { ["Models:default:LatencyMs"] = "150" }, database?.ConnectionString);
        api.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        api.StartServer();
        var port = new Uri(api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

        // Installed by scripts/setup-test-deps.sh (npm ci of every tools/*/package-lock.json); missing means a failed setup, not a skip.
        Assert.True(Directory.Exists(Path.Combine(ClientFolder, "node_modules", "@langchain", "langgraph-sdk")),
            $"run 'npm ci' in {ClientFolder} (scripts/setup-test-deps.sh does it)");
        var key = await api.CreateKeyAsync("langgraph-sdk");

        var start = new ProcessStartInfo("node", ["drive.mjs", "--url", $"http://127.0.0.1:{port}/langgraph", "--key", key])
        {
            WorkingDirectory = ClientFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromMinutes(5));
        var stdout = process.StandardOutput.ReadToEndAsync(bound.Token);
        var stderr = process.StandardError.ReadToEndAsync(bound.Token);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        TestContext.Current.SendDiagnosticMessage(output);
        Assert.True(output.TrimStart().StartsWith('{'), $"exit {process.ExitCode}; stderr: {await stderr}; stdout: {output}");
        using var result = JsonDocument.Parse(output);
        var failed = result.RootElement.GetProperty("checks").EnumerateArray().Where(c => !c.GetProperty("ok").GetBoolean()).Select(c => c.GetRawText()).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
        Assert.Equal(0, process.ExitCode);

        var names = result.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        foreach (var expected in new[]
        {
            "assistants.search finds the workflow", "stream starts with metadata", "stream ends with the final document",
            "stream stops at an __interrupt__ with questions", "resume streams to the final document", "getHistory: newest first, one state per revision",
            "joinStream with Last-Event-ID resumes after it", "a cancelled run is interrupted",
        })
        {
            Assert.Contains(expected, names);
        }

        Assert.Equal(StreamEvents.Order(), result.RootElement.GetProperty("streamEvents").EnumerateArray().Select(e => e.GetString()).Order());
    }
}
