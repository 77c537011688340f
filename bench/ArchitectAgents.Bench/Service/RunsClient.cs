using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArchitectAgents.Bench.Service;

/// <summary>The load client's calls, each timed into a latency list.</summary>
public sealed class RunsClient(HttpClient client)
{
    private static readonly HashSet<string> Terminal = ["completed", "completed_with_issues", "failed", "cancelled"];

    public ConcurrentBag<double> PostMs { get; } = [];

    public ConcurrentBag<double> GetMs { get; } = [];

    public ConcurrentBag<double> LiveMs { get; } = [];

    /// <summary>POST /v1/runs; returns the run id.</summary>
    public async Task<string> CreateAsync(string brief, IReadOnlyDictionary<string, string>? models = null, CancellationToken ct = default)
    {
        var body = new JsonObject { ["brief"] = brief };
        if (models is not null)
        {
            body["options"] = new JsonObject { ["models"] = new JsonObject(models.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))) };
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsJsonAsync(new Uri("/v1/runs", UriKind.Relative), body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        PostMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /v1/runs: {(int)response.StatusCode} {text}");
        }

        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>GET /v1/runs/{id}; returns the status.</summary>
    public async Task<string> StatusAsync(string id, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri("/v1/runs/" + id, UriKind.Relative), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        GetMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /v1/runs/{id}: {(int)response.StatusCode} {text}");
        }

        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.GetProperty("status").GetString()!;
    }

    /// <summary>GET /health/live: the bare HTTP round trip through the same server, the latency baseline.</summary>
    public async Task LiveAsync(CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), ct);
        _ = await response.Content.ReadAsStringAsync(ct);
        LiveMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Polls until the run ends; returns its final status.</summary>
    public async Task<string> WaitAsync(string id, TimeSpan poll, CancellationToken ct = default)
    {
        while (true)
        {
            var status = await StatusAsync(id, ct);
            if (Terminal.Contains(status))
            {
                return status;
            }

            await LiveAsync(ct);
            await Task.Delay(poll, ct);
        }
    }

    /// <summary>Reads the run's Server-Sent Events until the stream ends; returns how many events arrived and adds each to <paramref name="counter"/> as it arrives.</summary>
    public async Task<int> CountEventsAsync(string id, StrongBox<long>? counter = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/v1/runs/{id}/events", UriKind.Relative));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream);
        var events = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                events++;
                if (counter is not null)
                {
                    Interlocked.Increment(ref counter.Value);
                }
            }
        }

        return events;
    }
}
