using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ArchitectAgents.Bench.Service;

/// <summary>
/// The real API (and its in-process worker) as a child process on a loopback port, configured through environment
/// variables, with an API key made by the real CLI (<c>architect keys create</c>) against the same store.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, HttpClient client, string key)
    {
        _process = process;
        Client = client;
        Key = key;
    }

    /// <summary>A client with the API key, based at the API.</summary>
    public HttpClient Client { get; }

    /// <summary>The API key.</summary>
    public string Key { get; }

    /// <summary>The process id (for /proc readings).</summary>
    public int Pid => _process.Id;

    /// <summary>Starts the API on a free port against <paramref name="connection"/> and waits until it is ready.</summary>
    public static async Task<ApiProcess> StartAsync(BenchOptions options, string connection, IReadOnlyDictionary<string, string> settings, TextWriter log)
    {
        var cli = Path.Combine(options.Root, "src", "ArchitectAgents.Cli", "bin", options.Configuration, "net10.0", "architect.dll");
        var (code, stdout, stderr) = await Processes.RunAsync("dotnet", [cli, "keys", "create", "--name", "bench"], options.Root, TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["ARCHITECT_ConnectionStrings__Runs"] = connection });
        if (code != 0)
        {
            throw new InvalidOperationException($"architect keys create failed ({code}): {stderr}");
        }

        var key = stdout.Trim().Split('\n')[^1].Trim();
        var port = FreePort();
        var dll = Path.Combine(options.Root, "src", "ArchitectAgents.Api", "bin", options.Configuration, "net10.0", "ArchitectAgents.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"])
        {
            WorkingDirectory = options.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Runs"] = connection;
        start.Environment["Api__RateLimitPermits"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the API did not start");
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null && errors.Count < 50) { errors.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4096, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var api = new ApiProcess(process, client, key);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the API exited with {process.ExitCode}: {string.Join(" | ", errors)}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                await api.DisposeAsync();
                throw new TimeoutException("the API did not become ready in 120 s");
            }

            await Task.Delay(200);
        }

        log.WriteLine($"    API pid {process.Id} ready on port {port}");
        return api;
    }

    /// <summary>Resident set size now, in bytes (Linux).</summary>
    public long Rss() => ReadStatus("VmRSS:");

    /// <summary>Peak resident set size of the process so far, in bytes (Linux).</summary>
    public long PeakRss() => ReadStatus("VmHWM:");

    private long ReadStatus(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
