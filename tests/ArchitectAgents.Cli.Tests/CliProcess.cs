using System.Diagnostics;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Cli.Tests;

/// <summary>Runs the built <c>architect</c> CLI as a real process.</summary>
internal static class CliProcess
{
    private static readonly string Dll = FindDll();

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? stdin, params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), stdin, args);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(Dll);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindDll()
    {
        // The test project references the CLI project, so it is built alongside, in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "src", "ArchitectAgents.Cli", "bin", configuration, "net10.0", "architect.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the CLI first: " + dll);
    }
}
