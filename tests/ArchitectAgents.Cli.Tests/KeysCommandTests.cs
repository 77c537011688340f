using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Cli.Tests;

/// <summary><c>architect keys</c> against the store the service is configured with, through the same environment variables.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Dictionary<string, string> Store => new() { ["ConnectionStrings__Runs"] = $"Data Source={Path.Combine(_dir.Path, "service.db")}" };

    [Fact]
    public async Task CreateListRevoke_UseTheServiceConnectionStringFromTheEnvironment()
    {
        var (created, key, createErr) = await CliProcess.RunWithEnvironmentAsync(Store, null, "keys", "create", "--name", "ci-bot");
        Assert.True(created == 0, createErr);
        Assert.Matches("^ak_[0-9a-f]{40,}$", key.Trim());
        Assert.True(File.Exists(Path.Combine(_dir.Path, "service.db")), "the key went to another store");

        var (_, listed, _) = await CliProcess.RunWithEnvironmentAsync(Store, null, "keys", "list");
        var line = Assert.Single(listed.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("ci-bot", line, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Trim(), listed, StringComparison.Ordinal);

        var id = line.Split(' ', 2)[0];
        var (revoked, _, _) = await CliProcess.RunWithEnvironmentAsync(Store, null, "keys", "revoke", id);
        Assert.Equal(0, revoked);
        var (_, after, _) = await CliProcess.RunWithEnvironmentAsync(Store, null, "keys", "list");
        Assert.Contains("(revoked)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultStore_IsTheSameFromAnyDirectory_AndIsNamed()
    {
        var dataHome = Path.Combine(_dir.Path, "data-home");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_dir.Path, "somewhere", "else")).FullName;
        var environment = new Dictionary<string, string> { ["XDG_DATA_HOME"] = dataHome };
        var store = Path.Combine(dataHome, "architect-agents", "architect.db");

        var (empty, _, emptyErr) = await CliProcess.RunInAsync(elsewhere, environment, null, null, "keys", "list");
        Assert.Equal(0, empty);
        Assert.Contains("no API keys in SQLite " + store, emptyErr, StringComparison.Ordinal);

        var (created, _, createErr) = await CliProcess.RunInAsync(elsewhere, environment, null, null, "keys", "create", "--name", "from-elsewhere");
        Assert.True(created == 0, createErr);
        Assert.Contains("in SQLite " + store, createErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(elsewhere, "data")), "the store followed the working directory");

        var (_, listed, _) = await CliProcess.RunInAsync(RepoPaths.Root, environment, null, null, "keys", "list");
        Assert.Contains("from-elsewhere", listed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keys", "revoke", "key_nope")]
    [InlineData("keys", "create", "--name", "   ")]
    public async Task BadInput_IsOneLineAndExitCode2(params string[] args)
    {
        var (exit, _, stderr) = await CliProcess.RunWithEnvironmentAsync(Store, null, args);

        Assert.Equal(2, exit);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
