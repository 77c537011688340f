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
