using System.Collections.Concurrent;

namespace ArchitectAgents.Core.Verification;

/// <summary>An in-process <see cref="IVerificationCache"/>.</summary>
public sealed class MemoryVerificationCache(TimeProvider? time = null) : IVerificationCache
{
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset ExpiresAt)> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        new(_entries.TryGetValue(key, out var hit) && hit.ExpiresAt > _time.GetUtcNow() ? hit.Value : null);

    /// <inheritdoc />
    public ValueTask SetAsync(string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        _entries[key] = (value, expiresAt);
        return ValueTask.CompletedTask;
    }
}
