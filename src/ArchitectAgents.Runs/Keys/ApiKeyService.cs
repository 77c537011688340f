using System.Security.Cryptography;
using System.Text;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;

namespace ArchitectAgents.Runs.Keys;

/// <summary>Creates and checks API keys. Keys are random, shown once, and stored only as SHA-256 hashes.</summary>
public static class ApiKeyService
{
    private const string Prefix = "ak_";

    /// <summary>Creates a key; returns the stored record and the plain key (never stored).</summary>
    public static async Task<(ApiKeyRecord Record, string Key)> CreateAsync(ArchitectDbContext db, string name, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = Prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var record = new ApiKeyRecord
        {
            Id = "key_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant(),
            Name = name,
            Hash = HashOf(key),
            Prefix = key[..10],
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (record, key);
    }

    /// <summary>The active key record matching a presented key, or null.</summary>
    public static async Task<ApiKeyRecord?> FindAsync(ArchitectDbContext db, string presented, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(presented) || presented.Length > 200)
        {
            return null;
        }

        var hash = HashOf(presented);
        var record = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct).ConfigureAwait(false);

        // The lookup is by hash; compare again in constant time so timing reveals nothing about near misses.
        return record is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(record.Hash), Encoding.ASCII.GetBytes(hash)) ? record : null;
    }

    /// <summary>Hex SHA-256 of a key.</summary>
    public static string HashOf(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
