using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Core.Tests.Validation;

/// <summary>
/// The SQL validator's PGlite starts from a dumped fresh data directory kept in node_modules/.cache instead of
/// running initdb on every process start; the cache must never change a verdict, and a damaged one is replaced.
/// Runs on a copy of tools/validators whose node_modules links to the real packages, so the cache is its own.
/// </summary>
public sealed class PgliteDataDirCacheTests : IDisposable
{
    private static readonly string Tools = Path.Combine(RepoPaths.Root, "tools", "validators");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FirstStartWritesTheCache_ADamagedCacheIsReplaced_VerdictsNeverChange()
    {
        var tools = CopyOfTools();
        var cacheDir = Path.Combine(tools, "node_modules", ".cache");

        Assert.Equal((ValidationOutcome.Passed, ValidationOutcome.Failed), await VerdictsAsync(tools));
        var cache = Assert.Single(Directory.GetFiles(cacheDir, "pglite-*-datadir.tar"));
        var size = new FileInfo(cache).Length;
        Assert.True(size > 1_000_000, $"the cached data directory is {size} bytes");

        Assert.Equal((ValidationOutcome.Passed, ValidationOutcome.Failed), await VerdictsAsync(tools));

        await File.WriteAllTextAsync(cache, "not a tar file", TestContext.Current.CancellationToken);
        Assert.Equal((ValidationOutcome.Passed, ValidationOutcome.Failed), await VerdictsAsync(tools));
        Assert.Equal(size, new FileInfo(cache).Length);
        Assert.Empty(Directory.GetFiles(cacheDir, "*.tmp"));
    }

    private static async Task<(ValidationOutcome Valid, ValidationOutcome Broken)> VerdictsAsync(string tools)
    {
        await using var set = new ValidatorSet(new ValidatorOptions { NodeToolsPath = tools, TimeoutSeconds = 180 });
        var sql = set.Validators.Single(v => v.Artifact == "schema.sql");
        var valid = await sql.ValidateAsync(Ddl("CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (a_id int REFERENCES a (id));"), TestContext.Current.CancellationToken);
        var broken = await sql.ValidateAsync(Ddl("CREATE TABLE b (a_id int REFERENCES missing (id));"), TestContext.Current.CancellationToken);
        Assert.True(valid.Outcome != ValidationOutcome.Skipped, valid.SkippedReason);
        return (valid.Outcome, broken.Outcome);
    }

    private static DesignDocument Ddl(string ddl) => new() { Design = new DesignSection { Database = new DatabaseDesign { Ddl = ddl } } };

    private string CopyOfTools()
    {
        var tools = Path.Combine(_dir.Path, "validators");
        var modules = Path.Combine(tools, "node_modules");
        Directory.CreateDirectory(modules);
        File.Copy(Path.Combine(Tools, "validate.mjs"), Path.Combine(tools, "validate.mjs"));
        File.Copy(Path.Combine(Tools, "package.json"), Path.Combine(tools, "package.json"));
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Combine(Tools, "node_modules")))
        {
            var name = Path.GetFileName(entry);
            if (name != ".cache")
            {
                Directory.CreateSymbolicLink(Path.Combine(modules, name), entry);
            }
        }

        return tools;
    }
}
