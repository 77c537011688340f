using System.Diagnostics;
using System.Globalization;
using System.Net;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Api.Tests;

/// <summary>The API built next to the tests, started as a real process on loopback; stopped with a real signal.</summary>
internal sealed class ServiceProcess
{
    private readonly Process _process;

    private ServiceProcess(Process process, string node, int port)
    {
        _process = process;
        Node = node;
        Port = port;
    }

    /// <summary>The node id it runs as (Runs:NodeId).</summary>
    public string Node { get; }

    /// <summary>Its HTTP port.</summary>
    public int Port { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the API with <paramref name="environment"/> added to its environment; output goes to a log beside the test binaries.</summary>
    public static ServiceProcess Start(string node, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "src", "ArchitectAgents.Api", "bin", configuration, "net10.0", "ArchitectAgents.Api.dll");
        var chosen = port ?? LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{chosen}"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Runs__NodeId"] = node;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(AppContext.BaseDirectory, $"sweep-{node}.log"), append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => log.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => log.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process, node, chosen);
    }

    /// <summary>Stops it with SIGKILL or SIGTERM and waits (generously) until it is gone.</summary>
    public async Task StopAsync(string signal)
    {
        if (signal == "KILL")
        {
            _process.Kill(entireProcessTree: true);
        }
        else if (!_process.HasExited)
        {
            // Only a live process: an exited one's pid may already belong to another process (pid_max is 32768 here),
            // such as a test host running beside this one, which would take the signal and shut down.
            using var term = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)])!;
            await term.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(bound.Token);
    }

    /// <summary>Waits until /health/ready answers 200.</summary>
    public async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            Assert.False(_process.HasExited, $"{Node} exited with {(_process.HasExited ? _process.ExitCode : 0)}");
            try
            {
                using var ready = await client.GetAsync($"http://127.0.0.1:{Port}/health/ready", TestContext.Current.CancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"{Node} did not become ready");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Kills it if a test left it running.</summary>
    public async Task EnsureStoppedAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }
}
