using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;

namespace ArchitectAgents.Runs.Threads;

/// <summary>
/// Threads and their LangGraph runs in the run store. Every read is by owner: another owner's thread does not exist
/// for a caller, as with runs.
/// </summary>
public sealed class ThreadStore(IDbContextFactory<ArchitectDbContext> factory, TimeProvider time)
{
    /// <summary>Creates a thread; false (and the existing row, when the owner's) when the id is taken.</summary>
    public async Task<(bool Created, ThreadRecord? Existing)> CreateAsync(string ownerId, string threadId, string metadataJson, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        db.Threads.Add(new ThreadRecord { Id = threadId, OwnerId = ownerId, MetadataJson = metadataJson, CreatedAt = now, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return (true, null);
        }
        catch (DbUpdateException)
        {
            // The primary key refused it: the id is taken, by this owner (returned) or another (not shown).
            // Any other refusal is a store failure, not a taken id.
            if (!await ExistsAsync(threadId, ct).ConfigureAwait(false))
            {
                throw;
            }

            return (false, await GetAsync(ownerId, threadId, ct).ConfigureAwait(false));
        }
    }

    private async Task<bool> ExistsAsync(string threadId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Threads.AnyAsync(t => t.Id == threadId, ct).ConfigureAwait(false);
    }

    /// <summary>The owner's thread, or null.</summary>
    public async Task<ThreadRecord?> GetAsync(string ownerId, string threadId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Threads.AsNoTracking().FirstOrDefaultAsync(t => t.Id == threadId && t.OwnerId == ownerId, ct).ConfigureAwait(false);
    }

    /// <summary>The thread's LangGraph runs, newest first.</summary>
    public async Task<List<ThreadRunRecord>> RunsAsync(string ownerId, string threadId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var runs = await db.ThreadRuns.AsNoTracking().Where(r => r.ThreadId == threadId && r.OwnerId == ownerId).ToListAsync(ct).ConfigureAwait(false);
        return [.. runs.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.StartEventId)];
    }

    /// <summary>One LangGraph run of the owner's thread, or null.</summary>
    public async Task<ThreadRunRecord?> GetRunAsync(string ownerId, string threadId, string runId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.ThreadRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.ThreadId == threadId && r.OwnerId == ownerId, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds a LangGraph run to a context that is about to save, so it commits with the service run it links to
    /// (<see cref="Execution.RunService.CreateAsync(Execution.CreateRunCommand, Action{ArchitectDbContext, RunRecord}?, CancellationToken)"/>).
    /// </summary>
    public void Enlist(ArchitectDbContext db, ThreadRunRecord run)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        run.CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        db.ThreadRuns.Add(run);
        // Only UpdatedAt is marked changed, so the save updates that column of the existing row and nothing else.
        var thread = new ThreadRecord { Id = run.ThreadId };
        db.Threads.Attach(thread);
        thread.UpdatedAt = run.CreatedAt;
    }

    /// <summary>Adds a LangGraph run on its own (a resume, whose service run already exists).</summary>
    public async Task AddAsync(ThreadRunRecord run, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        Enlist(db, run);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Removes a LangGraph run that never started (its resume was refused after it was recorded).</summary>
    public async Task RemoveAsync(string runId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await db.ThreadRuns.Where(r => r.Id == runId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The id of a run's newest event (0 when it has none): a resumed LangGraph run owns the events after it.</summary>
    public async Task<long> LastEventIdAsync(string runId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Events.Where(e => e.RunId == runId).MaxAsync(e => (long?)e.Id, ct).ConfigureAwait(false) ?? 0;
    }

    /// <summary>Creates the tables on a store created before they existed.</summary>
    public static async Task EnsureTablesAsync(ArchitectDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (text, id, number) = db.Database.IsNpgsql() ? ("text", "character varying(64)", "bigint") : ("TEXT", "TEXT", "INTEGER");
        var modes = db.Database.IsNpgsql() ? "character varying(200)" : "TEXT";
        string[] statements =
        [
            $"CREATE TABLE IF NOT EXISTS {ThreadRecord.Table} (\"Id\" {id} NOT NULL, \"OwnerId\" {id} NOT NULL, \"MetadataJson\" {text} NOT NULL, \"CreatedAt\" {number} NOT NULL, \"UpdatedAt\" {number} NOT NULL, CONSTRAINT \"PK_{ThreadRecord.Table}\" PRIMARY KEY (\"Id\"))",
            $"CREATE INDEX IF NOT EXISTS \"IX_{ThreadRecord.Table}_OwnerId_UpdatedAt\" ON {ThreadRecord.Table} (\"OwnerId\", \"UpdatedAt\")",
            $"CREATE TABLE IF NOT EXISTS {ThreadRunRecord.Table} (\"Id\" {id} NOT NULL, \"ThreadId\" {id} NOT NULL, \"OwnerId\" {id} NOT NULL, \"RunId\" {id} NOT NULL, \"AssistantId\" {id} NOT NULL, \"StartEventId\" {number} NOT NULL, \"StreamModes\" {modes} NOT NULL, \"MetadataJson\" {text} NOT NULL, \"CreatedAt\" {number} NOT NULL, CONSTRAINT \"PK_{ThreadRunRecord.Table}\" PRIMARY KEY (\"Id\"))",
            $"CREATE INDEX IF NOT EXISTS \"IX_{ThreadRunRecord.Table}_ThreadId_CreatedAt\" ON {ThreadRunRecord.Table} (\"ThreadId\", \"CreatedAt\")",
            $"CREATE INDEX IF NOT EXISTS \"IX_{ThreadRunRecord.Table}_RunId\" ON {ThreadRunRecord.Table} (\"RunId\")",
        ];
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct).ConfigureAwait(false);
        }
    }
}
