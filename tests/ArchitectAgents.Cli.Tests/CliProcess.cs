using System.Diagnostics;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Cli.Tests;

/// <summary>Runs the built <c>architect</c> CLI as a real process.</summary>
internal static class CliProcess
{
    /// <summary>The built CLI, for tests that start it themselves (an MCP client launching <c>architect mcp</c>).</summary>
    internal static readonly string Dll = FindDll();

    private static readonly string StateDirectory = Path.Combine(Path.GetTempPath(), "architect-cli-tests-state");

    private static readonly string DataHome = Path.Combine(Path.GetTempPath(), "architect-cli-tests-data");

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? stdin, params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), stdin, args);

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args) =>
        RunWithEnvironmentAsync(environment, stdin, null, args);

    /// <summary>Runs the CLI; <paramref name="whileRunning"/> sees each standard-error line as it arrives, with the process.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, string? stdin, Action<string, Process>? whileRunning, params string[] args) =>
        RunInAsync(RepoPaths.Root, environment, stdin, whileRunning, args);

    /// <summary>Runs the CLI in another working directory.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunInAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, string? stdin, Action<string, Process>? whileRunning, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Dll);
        // Runs that stop keep resume state, and the default store is in the user's data directory: tests keep
        // both out of the home directory unless they choose a place.
        start.Environment["ARCHITECT_Cli__StateDirectory"] = StateDirectory;
        start.Environment["XDG_DATA_HOME"] = DataHome;
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
        var stderr = ReadLinesAsync(process, whileRunning);
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

    private static async Task<string> ReadLinesAsync(Process process, Action<string, Process>? onLine)
    {
        var all = new System.Text.StringBuilder();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            all.AppendLine(line);
            onLine?.Invoke(line, process);
        }

        return all.ToString();
    }

    private static string FindDll()
    {
        // The test project references the CLI project, so it is built alongside, in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "src", "ArchitectAgents.Cli", "bin", configuration, "net10.0", "architect.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the CLI first: " + dll);
    }
}
