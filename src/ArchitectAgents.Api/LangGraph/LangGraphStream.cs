namespace ArchitectAgents.Api.LangGraph;

/// <summary>Writes a LangGraph run's frames as Server-Sent Events, the way the LangGraph client parses them.</summary>
internal static class LangGraphStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Streams until the LangGraph run ends, then sends <c>end</c>. <c>Location</c> is the path the client rejoins
    /// at when the connection drops; like a LangGraph server's it is relative to the API's base URL (the client
    /// appends it to <c>apiUrl</c>), so it leaves out this API's prefix.
    /// </summary>
    public static async Task WriteAsync(HttpContext http, SegmentReader reader, string? lastEventId, string threadId, string runId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(reader);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Response.Headers.ContentLocation = $"{http.Request.PathBase}{LangGraphRegistration.Prefix}/threads/{threadId}/runs/{runId}";
        http.Response.Headers.Location = $"/threads/{threadId}/runs/{runId}/stream";
        await http.Response.Body.FlushAsync(ct);
        var lastWrite = DateTime.UtcNow;
        try
        {
            await foreach (var frame in reader.ReadAsync(lastEventId, ct))
            {
                if (frame is null)
                {
                    if (DateTime.UtcNow - lastWrite >= KeepAlive)
                    {
                        // A comment line: the client counts these as heartbeats and reconnects when they stop.
                        await http.Response.WriteAsync(": heartbeat\n\n", ct);
                        await http.Response.Body.FlushAsync(ct);
                        lastWrite = DateTime.UtcNow;
                    }

                    continue;
                }

                var data = LangGraphJson.Serialize(frame.Data);
                await http.Response.WriteAsync($"event: {frame.Event}\ndata: {data}\nid: {frame.Id}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
                lastWrite = DateTime.UtcNow;
            }

            await http.Response.WriteAsync("event: end\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; the run goes on (on_disconnect "continue").
        }
    }
}
