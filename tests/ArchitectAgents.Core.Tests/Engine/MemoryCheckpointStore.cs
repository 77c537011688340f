using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Agents.AI.Workflows.Checkpointing;

namespace ArchitectAgents.Core.Tests.Engine;

/// <summary>
/// MAF checkpoints kept as JSON in memory, in the order they were written: the same serialisation as the run store
/// and the CLI's files, so a resume from it goes through the same round trip as one after a crash.
/// </summary>
internal sealed class MemoryCheckpointStore : JsonCheckpointStore
{
    private readonly ConcurrentQueue<(CheckpointInfo Info, string? Parent, string Json, long At)> _written = new();

    /// <summary>Every checkpoint written so far, oldest first.</summary>
    public IReadOnlyList<CheckpointInfo> Written => [.. _written.Select(w => w.Info)];

    /// <summary>When each checkpoint was written (<see cref="System.Diagnostics.Stopwatch"/> ticks), to order them against journal entries.</summary>
    public long WrittenAt(CheckpointInfo info) => _written.First(w => w.Info == info).At;

    /// <summary>A store holding only the checkpoints up to and including <paramref name="last"/>, as a crash right after it would leave.</summary>
    public MemoryCheckpointStore UpTo(CheckpointInfo last)
    {
        var copy = new MemoryCheckpointStore();
        foreach (var entry in _written)
        {
            copy._written.Enqueue(entry);
            if (entry.Info == last)
            {
                break;
            }
        }

        return copy;
    }

    public override ValueTask<CheckpointInfo> CreateCheckpointAsync(string sessionId, JsonElement value, CheckpointInfo? parent = null)
    {
        var info = new CheckpointInfo(sessionId, Guid.NewGuid().ToString("N"));
        _written.Enqueue((info, parent?.CheckpointId, value.GetRawText(), System.Diagnostics.Stopwatch.GetTimestamp()));
        return ValueTask.FromResult(info);
    }

    public override ValueTask<JsonElement> RetrieveCheckpointAsync(string sessionId, CheckpointInfo key)
    {
        var entry = _written.First(w => w.Info == key);
        using var doc = JsonDocument.Parse(entry.Json);
        return ValueTask.FromResult(doc.RootElement.Clone());
    }

    public override ValueTask<IEnumerable<CheckpointInfo>> RetrieveIndexAsync(string sessionId, CheckpointInfo? withParent = null) =>
        ValueTask.FromResult<IEnumerable<CheckpointInfo>>([.. _written.Where(w => w.Info.SessionId == sessionId && (withParent is null || w.Parent == withParent.CheckpointId)).Select(w => w.Info)]);
}
