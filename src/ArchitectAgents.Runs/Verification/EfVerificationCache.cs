using System.Data.Common;
using ArchitectAgents.Core.Verification;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchitectAgents.Runs.Verification;

/// <summary>
/// <see cref="IVerificationCache"/> in the run store's <c>verification_cache</c> table, shared by every node and by
/// the CLI on the same database. A storage problem is logged and treated as a miss: verification goes on without it.
/// </summary>
public sealed class EfVerificationCache(IDbContextFactory<ArchitectDbContext> factory, TimeProvider time, ILogger<EfVerificationCache>? logger = null) : IVerificationCache
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <inheritdoc />
    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            return await db.VerificationCache.AsNoTracking().Where(x => x.Key == key && x.ExpiresAt > now).Select(x => x.Value).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            _logger.LogWarning(ex, "verification cache read failed for {Key}; looking it up again", key);
            return null;
        }
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var updated = await db.VerificationCache.Where(x => x.Key == key)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Value, value).SetProperty(x => x.StoredAt, now).SetProperty(x => x.ExpiresAt, expiresAt.ToUnixTimeMilliseconds()), cancellationToken)
                .ConfigureAwait(false);
            if (updated == 0)
            {
                db.VerificationCache.Add(new VerificationCacheRecord { Key = key, Value = value, StoredAt = now, ExpiresAt = expiresAt.ToUnixTimeMilliseconds() });
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            // Another run stored the same key a moment earlier, or the store is unavailable: the value is still good for this run.
            _logger.LogWarning(ex, "verification cache write failed for {Key}", key);
        }
    }

    /// <summary>
    /// Creates the cache table in a store whose schema predates it (EnsureCreated adds it only to new databases).
    /// </summary>
    public static async Task EnsureTableAsync(ArchitectDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.Database.IsNpgsql()
            ? $"CREATE TABLE IF NOT EXISTS {ArchitectDbContext.VerificationCacheTable} (\"Key\" character varying(512) NOT NULL PRIMARY KEY, \"Value\" text NOT NULL, \"StoredAt\" bigint NOT NULL, \"ExpiresAt\" bigint NOT NULL)"
            : $"CREATE TABLE IF NOT EXISTS {ArchitectDbContext.VerificationCacheTable} (\"Key\" TEXT NOT NULL PRIMARY KEY, \"Value\" TEXT NOT NULL, \"StoredAt\" INTEGER NOT NULL, \"ExpiresAt\" INTEGER NOT NULL)";
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken).ConfigureAwait(false);
    }
}
