using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Verification;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Verification.Tests;

/// <summary>
/// The real <c>@upstash/context7-mcp</c> server, pinned in tools/context7 and installed by scripts/setup-test-deps.sh,
/// pointed at a loopback <see cref="Context7Api"/> through <c>CONTEXT7_API_URL</c>.
/// </summary>
internal static partial class Context7Server
{
    public static string Script { get; } = Path.Combine(RepoPaths.Root, "tools", "context7", "node_modules", "@upstash", "context7-mcp", "dist", "index.js");

    /// <summary>Options that start the server over stdio; <paramref name="marker"/> goes into a harmless node flag (a custom export condition) that lets a test find the process.</summary>
    public static Context7Options Stdio(Context7Api api, string? marker = null, int timeoutSeconds = 30) => new()
    {
        Transport = "stdio",
        Command = "node",
        Args = marker is null ? [Script] : ["--conditions=test-marker-" + marker, Script],
        ApiUrl = api.ApiUrl,
        ApiKey = "ctx7sk-stdio-test",
        TimeoutSeconds = timeoutSeconds,
    };

    /// <summary>Kills the stdio server started with <paramref name="marker"/> (found by its command line, killed by its id).</summary>
    public static void Kill(string marker)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string cmdline;
            try
            {
                cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (cmdline.Contains("--conditions=test-marker-" + marker, StringComparison.Ordinal) && pid != Environment.ProcessId)
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(5000);
            }
        }
    }

    /// <summary>Starts the server with <c>--transport http</c> on a free loopback port.</summary>
    public static async Task<HttpServerProcess> StartHttpAsync(Context7Api api)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var info = new ProcessStartInfo("node") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add("--transport");
        info.ArgumentList.Add("http");
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.Environment["CONTEXT7_API_URL"] = api.ApiUrl;
        info.Environment["OTEL_SDK_DISABLED"] = "true";
        foreach (var proxy in new[] { "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy" })
        {
            info.Environment.Remove(proxy);
        }

        var process = Process.Start(info)!;
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("context7 http server exited: " + string.Join(" | ", stderr)));
                return;
            }

            lock (stderr)
            {
                stderr.Add(e.Data);
            }

            if (Listening().Match(e.Data) is { Success: true } m)
            {
                listening.TrySetResult(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var actual = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        return new HttpServerProcess(process, $"http://127.0.0.1:{actual}/mcp");
    }

    [GeneratedRegex(@"running on HTTP at http://localhost:(\d+)/mcp")]
    private static partial Regex Listening();
}

/// <summary>A context7 server started with <c>--transport http</c>; killed (by its id) when disposed.</summary>
internal sealed class HttpServerProcess(Process process, string endpoint) : IDisposable
{
    public string Endpoint { get; } = endpoint;

    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(5000);
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }
}
