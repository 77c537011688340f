using System.Diagnostics;
using System.Text.Json;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Tools;
using ArchitectAgents.Core.Verification;
using ArchitectAgents.Runs;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Verification;
using ArchitectAgents.Tests.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArchitectAgents.Verification.Tests;

/// <summary>How the service and the CLI switch to the lookup-backed verifier, and the store table behind the cache.</summary>
public sealed class WiringTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false, typeof(DocsVerifierAgent))]
    [InlineData(true, typeof(LookupDocsVerifierAgent))]
    public void AddArchitectRuns_VerificationSetting_ChoosesTheDocsVerifier(bool enabled, Type expected)
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Verification:Enabled"] = enabled ? "true" : "false",
            ["Catalog:AgentsPath"] = RepoPaths.Agents,
            ["Catalog:WorkflowsPath"] = RepoPaths.Workflows,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddArchitectRuns(configuration, RepoPaths.Root);
        using var provider = services.BuildServiceProvider();
        var definition = AgentCatalog.LoadDirectory(RepoPaths.Agents).Agents.Single(a => a.Id == "docs-verifier");

        // Act
        var agent = provider.GetRequiredService<IAgentProvider>().Bind(definition).Agent;

        // Assert
        Assert.IsType(expected, agent);
        Assert.IsType<Context7ToolSource>(Assert.Single(provider.GetServices<IAgentToolSource>()));
        Assert.IsType<EfVerificationCache>(provider.GetRequiredService<IVerificationCache>());
    }

    [Fact]
    public async Task EnsureSchemaAsync_StoreFromBeforeTheCache_AddsTheCacheTable()
    {
        // Arrange: a store created by an earlier build, without the cache table.
        using var dir = new TempDirectory();
        var connectionString = $"Data Source={Path.Combine(dir.Path, "old.db")}";
        await using (var db = StoreRegistration.Open(connectionString))
        {
            await StoreRegistration.EnsureSchemaAsync(db, Ct);
            await db.Database.ExecuteSqlRawAsync("DROP TABLE verification_cache", Ct);
        }

        var cache = new EfVerificationCache(new DbContextFactory(connectionString), TimeProvider.System);
        Assert.Null(await cache.GetAsync("k", Ct)); // a missing table is a miss, not a failure

        // Act
        await using (var db = StoreRegistration.Open(connectionString))
        {
            await StoreRegistration.EnsureSchemaAsync(db, Ct);
        }

        await cache.SetAsync("k", "v1", DateTimeOffset.UtcNow.AddMinutes(5), Ct);
        await cache.SetAsync("k", "v2", DateTimeOffset.UtcNow.AddMinutes(5), Ct);
        await cache.SetAsync("expired", "x", DateTimeOffset.UtcNow.AddMinutes(-1), Ct);

        // Assert
        Assert.Equal("v2", await cache.GetAsync("k", Ct));
        Assert.Null(await cache.GetAsync("expired", Ct));
    }

    [Fact]
    public async Task CliDesign_VerificationEnabled_SecondRunIsServedFromTheStoreCache()
    {
        // Arrange
        await using var api = await Fixtures.ApiAsync();
        api.FindEverything = true;
        await using var registries = await RegistryStub.StartAsync();
        registries.CatalogueFallback = true;
        using var dir = new TempDirectory();
        var brief = dir.File("brief.md", "# Notes app\nA team of 3 builds a notes app for 10k users in TypeScript.");
        var r = registries.Registries;
        var env = new Dictionary<string, string>
        {
            ["ARCHITECT_Verification__Enabled"] = "true",
            ["ARCHITECT_Verification__Context7__Command"] = "node",
            // Two entries, so both of appsettings.json's npx arguments are replaced.
            ["ARCHITECT_Verification__Context7__Args__0"] = "--conditions=architect-cli-test",
            ["ARCHITECT_Verification__Context7__Args__1"] = Context7Server.Script,
            ["ARCHITECT_Verification__Context7__ApiUrl"] = api.ApiUrl,
            ["ARCHITECT_Verification__Registries__NuGet"] = r.NuGet,
            ["ARCHITECT_Verification__Registries__Npm"] = r.Npm,
            ["ARCHITECT_Verification__Registries__PyPI"] = r.PyPI,
            ["ARCHITECT_Verification__Registries__Maven"] = r.Maven,
            ["ARCHITECT_Verification__Registries__GoProxy"] = r.GoProxy,
            ["ARCHITECT_Verification__Registries__CratesIo"] = r.CratesIo,
            ["ARCHITECT_Verification__Registries__DockerHub"] = r.DockerHub,
            ["ARCHITECT_Verification__Osv__Endpoint"] = registries.Osv.Endpoint,
            ["ARCHITECT_ConnectionStrings__Runs"] = $"Data Source={Path.Combine(dir.Path, "runs.db")}",
        };

        // Act
        var first = await RunCliAsync(env, "design", brief, "--out", Path.Combine(dir.Path, "out1"), "--non-interactive");
        var calls = (api.Server.Requests.Count, registries.Server.Requests.Count);
        var second = await RunCliAsync(env, "design", brief, "--out", Path.Combine(dir.Path, "out2"), "--non-interactive");

        // Assert
        Assert.True(first.ExitCode is 0 or 1, first.Stderr);
        Assert.Contains("verification on", first.Stderr, StringComparison.Ordinal);
        Assert.True(calls.Item1 > 0 && calls.Item2 > 0, "the first run asked nobody");
        Assert.True(second.ExitCode is 0 or 1, second.Stderr);
        Assert.Equal(calls, (api.Server.Requests.Count, registries.Server.Requests.Count));
        var doc = JsonSerializer.Deserialize<DesignDocument>(await File.ReadAllTextAsync(Path.Combine(dir.Path, "out2", "design.json"), Ct), DocumentJson.Options)!;
        Assert.Contains(doc.Verification!.Entries, e => e.Status == VerificationStatus.Verified && e.LibraryId is not null);
        Assert.All(doc.Verification.Entries, e => Assert.NotEqual(DocsVerifierAgent.OfflineSource, e.DocSource));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(Dictionary<string, string> env, params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = RepoPaths.Root };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "src", "ArchitectAgents.Cli", "bin", configuration, "net10.0", "architect.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
