using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ArchitectAgents.Tests.Mcp;

/// <summary>
/// Drives the design tools through a real <see cref="McpClient"/>, over whichever transport the client was made with.
/// Shared by the HTTP tests (service) and the stdio tests (CLI), so both transports are held to the same flow.
/// </summary>
internal static class McpDesignClient
{
    public const string ShortBrief = "# Notes\nAn internal notes tool for 300 staff. Team of 3 engineers (C#).";

    /// <summary>A brief the context gatherer asks about (scale, team) when the run is interactive.</summary>
    public const string InteractiveBrief = "# Gym app\nMembers book classes and get reminders.";

    public static readonly string[] ToolNames = ["answer_questions", "get_deliverables", "get_run", "start_design", "wait_for_run"];

    public static readonly string[] Finished = ["completed", "completed_with_issues", "failed", "cancelled"];

    /// <summary>Calls a tool and returns its result, error or not.</summary>
    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, Dictionary<string, object?> arguments, IProgress<ProgressNotificationValue>? progress = null) =>
        await client.CallToolAsync(tool, arguments, progress, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Calls a tool that must succeed; returns its structured result.</summary>
    public static async Task<JsonElement> CallOkAsync(this McpClient client, string tool, Dictionary<string, object?> arguments, IProgress<ProgressNotificationValue>? progress = null)
    {
        var result = await client.CallAsync(tool, arguments, progress);
        Assert.True(result.IsError != true, $"{tool} failed: {Text(result)}");
        Assert.NotNull(result.StructuredContent);
        // The text block carries the same JSON, for clients that ignore structured content.
        using var text = JsonDocument.Parse(Text(result));
        Assert.True(JsonElement.DeepEquals(result.StructuredContent.Value, text.RootElement), Text(result));
        return result.StructuredContent.Value;
    }

    /// <summary>Calls a tool that must fail with an error result; returns its message.</summary>
    public static async Task<string> CallErrorAsync(this McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallAsync(tool, arguments);
        Assert.True(result.IsError == true, $"{tool} was expected to fail: {Text(result)}");
        var text = Text(result);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        return text;
    }

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    public static async Task<string> StartAsync(this McpClient client, string brief, bool interactive = false)
    {
        var run = await client.CallOkAsync("start_design", new() { ["brief"] = brief, ["interactive"] = interactive });
        Assert.Equal("queued", run.GetProperty("status").GetString());
        return run.GetProperty("runId").GetString()!;
    }

    /// <summary>
    /// Calls wait_for_run until the run reaches one of <paramref name="statuses"/>, within a generous bound; the
    /// failure names the last state seen.
    /// </summary>
    public static async Task<JsonElement> WaitForAsync(this McpClient client, string runId, string[] statuses, IProgress<ProgressNotificationValue>? progress = null)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            var run = await client.CallOkAsync("wait_for_run", new() { ["runId"] = runId, ["timeoutSeconds"] = 30 }, progress);
            var status = run.GetProperty("status").GetString();
            if (statuses.Contains(status))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {runId} was still {status} after 5 minutes: {run.GetRawText()}");
        }
    }

    /// <summary>Every progress notification, recorded as it is reported (Progress&lt;T&gt; would post them to the thread pool).</summary>
    public sealed class ProgressLog : IProgress<ProgressNotificationValue>
    {
        private readonly List<ProgressNotificationValue> _values = [];

        public IReadOnlyList<ProgressNotificationValue> Values
        {
            get
            {
                lock (_values)
                {
                    return [.. _values];
                }
            }
        }

        public void Report(ProgressNotificationValue value)
        {
            lock (_values)
            {
                _values.Add(value);
            }
        }
    }
}
