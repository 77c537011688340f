using ArchitectAgents.Api.Auth;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Api.Runs;

/// <summary>
/// Server-Sent Events for a run, replayed from the store: every event after <c>Last-Event-ID</c>, then new
/// ones as they are written, until the run ends. The store is the source of truth, so a reconnect misses
/// nothing and repeats nothing.
/// </summary>
internal static class RunEventStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    public static async Task StreamAsync(HttpContext http, string id, RunService runs, RunSignals signals, IOptions<RunStoreOptions> options, string? lastEventId, CancellationToken ct)
    {
        long after = 0;
        var resumeFrom = http.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } header ? header : lastEventId;
        if (resumeFrom is not null && !long.TryParse(resumeFrom, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out after))
        {
            await Problems.WriteField(http, StatusCodes.Status400BadRequest, "Last-Event-ID", "must be an event id from this stream", ct);
            return;
        }

        if (await runs.GetAsync(http.Owner(), id, ct) is null)
        {
            await Problems.Write(http, StatusCodes.Status404NotFound, "Run not found", $"No run '{id}' is visible to this caller.", ct);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync("retry: 2000\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
        var lastWrite = DateTime.UtcNow;
        try
        {
            await foreach (var events in RunEventFeed.ReadAsync(runs, signals, RunEventFeed.PollInterval(options.Value), http.Owner(), id, after, ct))
            {
                if (events.Count == 0)
                {
                    if (DateTime.UtcNow - lastWrite >= KeepAlive)
                    {
                        await http.Response.WriteAsync(": keep-alive\n\n", ct);
                        await http.Response.Body.FlushAsync(ct);
                        lastWrite = DateTime.UtcNow;
                    }

                    continue;
                }

                foreach (var e in events)
                {
                    await http.Response.WriteAsync($"id: {e.Id}\nevent: {e.Type}\ndata: {WithTime(e)}\n\n", ct);
                }

                await http.Response.Body.FlushAsync(ct);
                lastWrite = DateTime.UtcNow;
            }

            if (!ct.IsCancellationRequested)
            {
                await http.Response.WriteAsync("event: end\ndata: {}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    /// <summary>The payload with the time the event was stored (<c>at</c>), so a replayed stream can still draw a timeline.</summary>
    private static string WithTime(RunEventRecord e)
    {
        var at = System.Text.Json.JsonSerializer.Serialize(e.CreatedAt);
        var data = e.DataJson.TrimEnd();
        if (data.Length < 2 || data[0] != '{' || data[^1] != '}')
        {
            return data;
        }

        var empty = data[1..^1].Trim().Length == 0;
        return empty ? $"{{\"at\":{at}}}" : $"{data[..^1]},\"at\":{at}}}";
    }
}
