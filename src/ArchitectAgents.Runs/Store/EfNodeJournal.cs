using ArchitectAgents.Core.Engine;
using Microsoft.EntityFrameworkCore;

namespace ArchitectAgents.Runs.Store;

/// <summary>
/// The service's node journal, in the run store beside the checkpoints: any node that picks a run up (after a crash,
/// a drain or on another worker) replays what the previous execution had finished instead of paying for it again.
/// </summary>
public sealed class EfNodeJournal(IDbContextFactory<ArchitectDbContext> factory, TimeProvider time) : INodeJournal
{
    /// <inheritdoc />
    public async ValueTask<NodeJournalEntry?> FindAsync(string runId, string node, int invocation, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var json = await db.NodeResults.AsNoTracking()
            .Where(r => r.RunId == runId && r.Node == node && r.Invocation == invocation)
            .Select(r => r.Json)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return json is null ? null : NodeJournalEntry.FromJson(json);
    }

    /// <inheritdoc />
    public async ValueTask RecordAsync(string runId, NodeJournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        db.NodeResults.Add(new NodeResultRecord
        {
            RunId = runId,
            Node = entry.Node,
            Invocation = entry.Invocation,
            Json = entry.ToJson(),
            RecordedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        try
        {
            // Not cancellable: the work is done and paid for; losing its result to a shutdown would pay for it twice.
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Recorded already (an output node assembled again): the first result stands, unless this invocation was
            // given answers the recorded one was not (the answered result supersedes it). Anything else is a store failure.
            if (!await ExistsAsync(runId, entry).ConfigureAwait(false))
            {
                throw;
            }

            if (entry.AnswersKey is not null)
            {
                await using var again = await factory.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
                await again.NodeResults.Where(r => r.RunId == runId && r.Node == entry.Node && r.Invocation == entry.Invocation)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Json, entry.ToJson()), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Creates the table on a store created before it existed.</summary>
    public static async Task EnsureTableAsync(ArchitectDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.Database.IsNpgsql()
            ? $"CREATE TABLE IF NOT EXISTS {NodeResultRecord.Table} (\"RunId\" character varying(64) NOT NULL, \"Node\" character varying(128) NOT NULL, \"Invocation\" integer NOT NULL, \"Json\" text NOT NULL, \"RecordedAt\" bigint NOT NULL, CONSTRAINT \"PK_{NodeResultRecord.Table}\" PRIMARY KEY (\"RunId\", \"Node\", \"Invocation\"))"
            : $"CREATE TABLE IF NOT EXISTS {NodeResultRecord.Table} (\"RunId\" TEXT NOT NULL, \"Node\" TEXT NOT NULL, \"Invocation\" INTEGER NOT NULL, \"Json\" TEXT NOT NULL, \"RecordedAt\" INTEGER NOT NULL, CONSTRAINT \"PK_{NodeResultRecord.Table}\" PRIMARY KEY (\"RunId\", \"Node\", \"Invocation\"))";
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ExistsAsync(string runId, NodeJournalEntry entry)
    {
        await using var db = await factory.CreateDbContextAsync().ConfigureAwait(false);
        return await db.NodeResults.AnyAsync(r => r.RunId == runId && r.Node == entry.Node && r.Invocation == entry.Invocation).ConfigureAwait(false);
    }
}
