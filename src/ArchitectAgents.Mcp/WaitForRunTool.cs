using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ArchitectAgents.Mcp;

/// <summary>
/// <c>wait_for_run</c>: follows a run's events in the store until it finishes or asks questions, reporting each
/// node event as an MCP progress notification when the client sent a progress token. Every call reports the run's
/// steps from the first, numbered by their place in the run, so a client that calls again sees the same step under
/// the same number and a client that starts waiting late still sees what already happened.
/// </summary>
[McpServerToolType]
public sealed class WaitForRunTool(RunService runs, RunSignals signals, McpCaller caller, IOptions<RunStoreOptions> options, TimeProvider time)
{
    private const int MaxWaitSeconds = 3600;

    private static readonly HashSet<string> ProgressEvents = new(StringComparer.Ordinal)
    {
        RunEventTypes.Started, RunEventTypes.NodeStarted, RunEventTypes.NodeCompleted, RunEventTypes.QuestionsAsked,
        RunEventTypes.AnswersReceived, RunEventTypes.OutputRejected, RunEventTypes.Finished,
    };

    [McpServerTool(Name = "wait_for_run", Title = "Wait for a design run", ReadOnly = true, OpenWorld = false)]
    [Description("Waits until a run completes, fails, or stops to ask questions (awaiting_input), then returns it as get_run does. " +
        "Sends a progress notification per agent step when the request carries a progress token. " +
        "Returns the run as it stands when timeoutSeconds pass first; call again to keep waiting.")]
    public async Task<CallToolResult> WaitAsync(
        [Description("The run id.")] string runId,
        McpServer server,
        RequestContext<CallToolRequestParams> request,
        [Description("Longest wait in seconds (1 to 3600, default 120).")] long timeoutSeconds = 120,
        ClaimsPrincipal? user = null,
        CancellationToken cancellationToken = default)
    {
        if (caller.OwnerOf(user) is not { } owner)
        {
            return ToolResults.Error("caller", "is not authenticated");
        }

        if (timeoutSeconds is < 1 or > MaxWaitSeconds)
        {
            return ToolResults.Error("timeoutSeconds", $"must be a whole number of seconds between 1 and {MaxWaitSeconds}");
        }

        if (await runs.GetAsync(owner, runId, cancellationToken).ConfigureAwait(false) is not { } run)
        {
            return RunTools.NotFound(runId);
        }

        var token = request.Params?.ProgressToken;
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.EventPollIntervalMs, 50, 10_000));
        var deadline = time.GetUtcNow().AddSeconds(timeoutSeconds);
        long after = 0;
        var steps = 0;
        while (true)
        {
            // Events come from the store, like the SSE stream: the run may execute on another node.
            var events = await runs.EventsAfterAsync(run.Id, after, 500, cancellationToken).ConfigureAwait(false);
            foreach (var e in events)
            {
                after = e.Id;
                if (token is { } progressToken && ProgressEvents.Contains(e.Type))
                {
                    steps++;
                    await server.NotifyProgressAsync(progressToken, new ProgressNotificationValue { Progress = steps, Message = Describe(e) }, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }

            if (events.Count > 0)
            {
                continue;
            }

            run = await runs.GetAsync(owner, run.Id, cancellationToken).ConfigureAwait(false) ?? run;
            if (RunStatuses.IsTerminal(run.Status) || run.Status == RunStatuses.AwaitingInput || time.GetUtcNow() >= deadline)
            {
                // Events written just before the state changed are reported before the answer, never after it.
                if ((await runs.EventsAfterAsync(run.Id, after, 1, cancellationToken).ConfigureAwait(false)).Count > 0)
                {
                    continue;
                }

                return ToolResults.Ok(McpRunView.From(run));
            }

            // Woken at once by this node's worker; the timeout also catches events written by other processes.
            await signals.WaitForChangeAsync(run.Id, poll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>"node_completed designer": the event type and, when it has one, the node it is about.</summary>
    private static string Describe(RunEventRecord e)
    {
        try
        {
            using var data = JsonDocument.Parse(e.DataJson);
            return data.RootElement.ValueKind == JsonValueKind.Object && data.RootElement.TryGetProperty("node", out var node) && node.ValueKind == JsonValueKind.String
                ? $"{e.Type} {node.GetString()}"
                : e.Type;
        }
        catch (JsonException)
        {
            return e.Type;
        }
    }
}
