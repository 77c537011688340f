using System.Diagnostics;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Cli.Tests;

/// <summary>
/// The test command's PostgreSQL server (scripts/test-postgres.sh): a server that cannot start fails the run instead
/// of letting its tests skip to a green result, and leaves no folder behind. Driven with stand-in initdb/pg_ctl
/// executables, so the failure is real and repeatable.
/// </summary>
public sealed class TestPostgresScriptTests
{
    [Fact]
    public async Task ServerThatDoesNotStart_ReturnsFailure_SaysWhy_AndLeavesNoFolder()
    {
        using var bin = new TempDirectory();
        var record = Path.Combine(bin.Path, "data-dir.txt");
        File.WriteAllText(record, "");
        if (!OperatingSystem.IsWindows())
        {
            // Written by the stand-in initdb, which runs as the postgres user when the tests run as root.
            File.SetUnixFileMode(bin.Path, (UnixFileMode)0b111_111_111);
            File.SetUnixFileMode(record, (UnixFileMode)0b110_110_110);
        }

        Executable(bin, "initdb", "while [ $# -gt 0 ]; do if [ \"$1\" = -D ]; then mkdir -p \"$2\"; dirname \"$2\" > '" + record + "'; fi; shift; done\nexit 0");
        Executable(bin, "pg_ctl", "echo 'FATAL: could not create lock file' >&2; exit 1");

        var (code, output) = await StartAsync(bin.Path);

        Assert.Equal(1, code);
        Assert.Contains("error: PostgreSQL did not start", output, StringComparison.Ordinal);
        var folder = File.ReadAllText(record).Trim();
        Assert.StartsWith("/tmp/architect-pg.", folder, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), $"{folder} was left behind");
        Assert.DoesNotContain("ARCHITECT_TEST_POSTGRES=Host", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoServerInstalled_ReturnsFailure()
    {
        using var empty = new TempDirectory();

        var (code, output) = await StartAsync(empty.Path);

        Assert.Equal(1, code);
        Assert.Contains("no PostgreSQL server installed", output, StringComparison.Ordinal);
    }

    private static void Executable(TempDirectory dir, string name, string body)
    {
        var path = dir.File(name, "#!/usr/bin/env bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            // As root the script runs the server tools as the postgres user: they must be readable and runnable by others.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    // Sources the script the way scripts/test.sh does and runs the start function; its exit code and all output.
    private static async Task<(int Code, string Output)> StartAsync(string pgBin)
    {
        var script = Path.Combine(RepoPaths.Root, "scripts", "test-postgres.sh");
        var info = new ProcessStartInfo("bash")
        {
            ArgumentList = { "-uc", $"source '{script}'; test_postgres_start; rc=$?; echo \"ARCHITECT_TEST_POSTGRES=${{ARCHITECT_TEST_POSTGRES:-}}\"; exit $rc" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ARCHITECT_PG_BIN"] = pgBin;
        info.Environment.Remove("ARCHITECT_TEST_POSTGRES");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
