using System.Text.Json;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Agents.AI.Workflows.Checkpointing;
using Microsoft.EntityFrameworkCore;

namespace ArchitectAgents.Runs.Store;

/// <summary>MAF checkpoints in the run store, so a run survives the process and can resume on any node.</summary>
public sealed class EfCheckpointStore(IDbContextFactory<ArchitectDbContext> factory, TimeProvider time) : JsonCheckpointStore
{
    /// <inheritdoc />
    public override async ValueTask<CheckpointInfo> CreateCheckpointAsync(string sessionId, JsonElement value, CheckpointInfo? parent = null)
    {
        var info = new CheckpointInfo(sessionId, Guid.NewGuid().ToString("N"));
        await using var db = await factory.CreateDbContextAsync().ConfigureAwait(false);
        db.Checkpoints.Add(new CheckpointRecord
        {
            SessionId = sessionId,
            CheckpointId = info.CheckpointId,
            ParentId = parent?.CheckpointId,
            Json = value.GetRawText(),
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync().ConfigureAwait(false);
        return info;
    }

    /// <inheritdoc />
    public override async ValueTask<JsonElement> RetrieveCheckpointAsync(string sessionId, CheckpointInfo key)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var db = await factory.CreateDbContextAsync().ConfigureAwait(false);
        var record = await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.SessionId == sessionId && c.CheckpointId == key.CheckpointId).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Checkpoint {key.CheckpointId} of session {sessionId} not found.");
        using var doc = JsonDocument.Parse(record.Json);
        return doc.RootElement.Clone();
    }

    /// <inheritdoc />
    public override async ValueTask<IEnumerable<CheckpointInfo>> RetrieveIndexAsync(string sessionId, CheckpointInfo? withParent = null)
    {
        await using var db = await factory.CreateDbContextAsync().ConfigureAwait(false);
        var query = db.Checkpoints.AsNoTracking().Where(c => c.SessionId == sessionId);
        if (withParent is not null)
        {
            query = query.Where(c => c.ParentId == withParent.CheckpointId);
        }

        var ids = await query.OrderBy(c => c.Seq).Select(c => c.CheckpointId).ToListAsync().ConfigureAwait(false);
        return [.. ids.Select(id => new CheckpointInfo(sessionId, id))];
    }
}
