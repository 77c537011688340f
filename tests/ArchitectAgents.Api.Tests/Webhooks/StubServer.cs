using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArchitectAgents.Api.Tests.Webhooks;

/// <summary>
/// A third-party HTTP service faked on loopback (Kestrel): the GitHub or Jira REST API, or a callback receiver.
/// Records every request and answers with <see cref="Status"/>. It can be stopped and started again on the same port.
/// </summary>
internal sealed class StubServer : IAsyncDisposable
{
    private WebApplication? _app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The status every request gets.</summary>
    public int Status { get; set; } = StatusCodes.Status201Created;

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";

    public static async Task<StubServer> StartAsync()
    {
        var stub = new StubServer();
        await stub.StartAsync(0);
        return stub;
    }

    public async Task StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            Requests.Enqueue(new RecordedRequest(http.Request.Method, http.Request.Path + http.Request.QueryString,
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            http.Response.StatusCode = Status;
            await http.Response.WriteAsync("{}", http.RequestAborted);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests match.</summary>
    public async Task<List<RecordedRequest>> WaitForAsync(int count, Func<RecordedRequest, bool>? match = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var found = Requests.Where(match ?? (_ => true)).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the stub got {found.Count} matching request(s), expected {count}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>A request the stub received.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
