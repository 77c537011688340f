using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Verification;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Verification;
using Microsoft.Extensions.Configuration;

namespace ArchitectAgents.Cli;

/// <summary>
/// The CLI's agent provider: offline, with the lookup-backed docs verifier when <c>Verification:Enabled</c> is on.
/// Lookups are cached in the same store the service uses (<c>ConnectionStrings:Runs</c>), so the CLI and the
/// service share one cache.
/// </summary>
internal static class VerificationSetup
{
    public static async Task<OfflineAgentProvider> ProviderAsync(IConfiguration configuration, CancellationToken ct)
    {
        var provider = new OfflineAgentProvider();
        var options = VerificationConfiguration.Load(configuration);
        if (!options.Enabled)
        {
            return provider;
        }

        var connectionString = RunStoreLocation.ConnectionString(configuration);
        IVerificationCache cache;
        try
        {
            await using (var db = StoreRegistration.Open(connectionString))
            {
                await StoreRegistration.EnsureSchemaAsync(db, ct);
            }

            cache = new EfVerificationCache(new DbContextFactory(connectionString), TimeProvider.System);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"note: the verification cache is unavailable ({ex.Message}); lookups are not cached");
            cache = new MemoryVerificationCache();
        }

        var verifier = new TechnologyVerifier(options, cache, VerificationConfiguration.CreateHttpClient(options));
        Console.Error.WriteLine($"architect: verification on (context7 over {options.Context7.Transport}, registries, OSV); results cached in the run store");
        return provider.UseVerification(options, () => verifier);
    }
}
