namespace ArchitectAgents.Core.Verification;

/// <summary>
/// Where successful lookups are kept for a while, so a second run on the same stack asks nobody again. The run
/// store implements it for the service and the CLI; <see cref="MemoryVerificationCache"/> serves tests and
/// store-less hosts. Implementations never throw for a storage problem: a broken cache is a miss.
/// </summary>
public interface IVerificationCache
{
    /// <summary>The value stored under <paramref name="key"/> when it has not expired, else null.</summary>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> until <paramref name="expiresAt"/>.</summary>
    ValueTask SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
