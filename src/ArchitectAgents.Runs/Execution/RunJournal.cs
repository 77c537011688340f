using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;

namespace ArchitectAgents.Runs.Execution;

/// <summary>Appends run events to the store and wakes whoever streams them.</summary>
public sealed class RunJournal(IDbContextFactory<ArchitectDbContext> factory, RunSignals signals, TimeProvider time)
{
    /// <summary>Appends one event.</summary>
    public async Task AppendAsync(string runId, string type, object data, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        Add(db, runId, type, data);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        signals.Changed(runId);
    }

    /// <summary>Whether a <c>node_completed</c> event of this invocation of the node was appended already.</summary>
    public async Task<bool> HasNodeCompletedAsync(string runId, string node, int round, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var completions = await db.Events.AsNoTracking()
            .Where(e => e.RunId == runId && e.Type == RunEventTypes.NodeCompleted)
            .Select(e => e.DataJson)
            .ToListAsync(ct).ConfigureAwait(false);
        return completions.Any(json =>
        {
            using var data = JsonDocument.Parse(json);
            var root = data.RootElement;
            // Events appended before the round was recorded count as the first round.
            var eventRound = root.TryGetProperty("round", out var r) && r.TryGetInt32(out var n) ? n : 1;
            return root.TryGetProperty("node", out var id) && id.GetString() == node && eventRound == round;
        });
    }

    /// <summary>Adds an event to a context whose save the caller controls (to commit it with a state change).</summary>
    public void Add(ArchitectDbContext db, string runId, string type, object data)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Events.Add(new RunEventRecord
        {
            RunId = runId,
            Type = type,
            DataJson = JsonSerializer.Serialize(data, DocumentJson.Options),
            CreatedAt = time.GetUtcNow(),
        });
    }
}
