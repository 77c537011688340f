using System.Collections.Concurrent;
using System.Diagnostics;
using ArchitectAgents.Core.Engine;

namespace ArchitectAgents.Core.Tests.Engine;

/// <summary>A node journal in memory that round-trips entries through JSON, as the stored journals do.</summary>
internal sealed class MemoryNodeJournal : INodeJournal
{
    private readonly ConcurrentDictionary<(string Run, string Node, int Invocation), (string Json, long At)> _entries = new();

    /// <summary>Every entry with the time it was recorded (<see cref="Stopwatch"/> ticks).</summary>
    public IReadOnlyList<(string Node, int Invocation, long At)> Recorded => [.. _entries.Select(e => (e.Key.Node, e.Key.Invocation, e.Value.At)).OrderBy(e => e.At)];

    /// <summary>A journal holding only what was recorded before <paramref name="at"/>, as a crash then would leave it.</summary>
    public MemoryNodeJournal Before(long at)
    {
        var copy = new MemoryNodeJournal();
        foreach (var entry in _entries.Where(e => e.Value.At < at))
        {
            copy._entries[entry.Key] = entry.Value;
        }

        return copy;
    }

    public ValueTask<NodeJournalEntry?> FindAsync(string runId, string node, int invocation, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.TryGetValue((runId, node, invocation), out var e) ? NodeJournalEntry.FromJson(e.Json) : null);

    public ValueTask RecordAsync(string runId, NodeJournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.TryAdd((runId, entry.Node, entry.Invocation), (entry.ToJson(), Stopwatch.GetTimestamp()));
        return ValueTask.CompletedTask;
    }
}
