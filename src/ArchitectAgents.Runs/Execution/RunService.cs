using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Runs.Scheduling;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Runs.Execution;

/// <summary>What an API caller asks for when creating a run.</summary>
public sealed record CreateRunCommand(
    string OwnerId,
    string Brief,
    string? Workflow,
    bool Interactive,
    int? QuestionTimeoutSeconds,
    string? CallbackUrl,
    IReadOnlyList<AttachedDocument> Attachments,
    string? IdempotencyKey,
    string RequestHash,
    string Source = "api",
    string? Requester = null,
    RunBudget? Budget = null,
    IReadOnlyDictionary<string, string>? Models = null);

/// <summary>Outcome of <see cref="RunService.CreateAsync(CreateRunCommand, CancellationToken)"/>.</summary>
public enum CreateOutcome
{
    /// <summary>A new run was queued.</summary>
    Created,
    /// <summary>The same key and body were seen before: the earlier run is returned.</summary>
    Replayed,
    /// <summary>The key was used before with another body.</summary>
    KeyConflict,
}

/// <summary>Run operations behind the REST API: create, read, answer, cancel.</summary>
public sealed class RunService(IDbContextFactory<ArchitectDbContext> factory, RunJournal journal, RunSignals signals, IRunDispatcher dispatcher, IOptions<RunStoreOptions> options, TimeProvider time)
{
    /// <summary>Hash of a request body for idempotency checks.</summary>
    public static string Hash(string body) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>Queues a run, honouring the idempotency key.</summary>
    public Task<(CreateOutcome Outcome, RunRecord Run)> CreateAsync(CreateRunCommand command, CancellationToken ct) => CreateAsync(command, null, ct);

    /// <summary>Queues a run, honouring the idempotency key.</summary>
    /// <param name="command">What to run.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="enlist">Adds rows that must commit with the run or not at all (a ticket link, say); a unique-index
    /// conflict among them surfaces as <see cref="DbUpdateException"/> and nothing is stored.</param>
    public async Task<(CreateOutcome Outcome, RunRecord Run)> CreateAsync(CreateRunCommand command, Action<ArchitectDbContext, RunRecord>? enlist, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (command.IdempotencyKey is { } key && await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.OwnerId == command.OwnerId && r.IdempotencyKey == key, ct).ConfigureAwait(false) is { } existing)
        {
            return (existing.RequestHash == command.RequestHash ? CreateOutcome.Replayed : CreateOutcome.KeyConflict, existing);
        }

        var now = time.GetUtcNow();
        var run = new RunRecord
        {
            Id = $"run_{now:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..12]}",
            OwnerId = command.OwnerId,
            Workflow = command.Workflow!,
            Status = RunStatuses.Queued,
            Brief = command.Brief,
            Source = command.Source,
            Requester = command.Requester,
            Interactive = command.Interactive,
            QuestionTimeoutSeconds = command.QuestionTimeoutSeconds ?? options.Value.DefaultQuestionTimeoutSeconds,
            AttachmentsJson = JsonSerializer.Serialize(command.Attachments, DocumentJson.Options),
            CallbackUrl = command.CallbackUrl,
            BudgetJson = command.Budget is null ? null : JsonSerializer.Serialize(command.Budget, DocumentJson.Options),
            ModelsJson = command.Models is { Count: > 0 } ? JsonSerializer.Serialize(command.Models, DocumentJson.Options) : null,
            IdempotencyKey = command.IdempotencyKey,
            RequestHash = command.RequestHash,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Runs.Add(run);
        journal.Add(db, run.Id, RunEventTypes.Queued, new { workflow = run.Workflow, interactive = run.Interactive });
        enlist?.Invoke(db, run);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (command.IdempotencyKey is not null)
        {
            // Two requests with the same key raced: the unique index let one in; answer as the loser would have.
            await using var again = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
            var winner = await again.Runs.AsNoTracking().SingleAsync(r => r.OwnerId == command.OwnerId && r.IdempotencyKey == command.IdempotencyKey, ct).ConfigureAwait(false);
            return (winner.RequestHash == command.RequestHash ? CreateOutcome.Replayed : CreateOutcome.KeyConflict, winner);
        }

        await dispatcher.EnqueueAsync(run.Id, ct).ConfigureAwait(false);
        return (CreateOutcome.Created, run);
    }

    /// <summary>
    /// A run, if it exists and belongs to the owner (another owner's run does not exist for them), without its
    /// brief, attachments and document; <see cref="GetWithContentAsync"/> has those.
    /// </summary>
    public async Task<RunRecord?> GetAsync(string ownerId, string runId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Runs.AsNoTracking().Where(r => r.Id == runId && r.OwnerId == ownerId).Summaries().FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A run with everything, including its brief, attachments and finished document.</summary>
    public async Task<RunRecord?> GetWithContentAsync(string ownerId, string runId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.OwnerId == ownerId, ct).ConfigureAwait(false);
    }

    /// <summary>A page of the owner's runs, newest first.</summary>
    public async Task<(List<RunRecord> Items, string? NextCursor)> ListAsync(string ownerId, string? status, DateTimeOffset? createdAfter, DateTimeOffset? createdBefore, int limit, string? cursor, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Runs.AsNoTracking().Where(r => r.OwnerId == ownerId);
        if (status is not null)
        {
            query = query.Where(r => r.Status == status);
        }

        if (createdAfter is { } after)
        {
            query = query.Where(r => r.CreatedAt >= after);
        }

        if (createdBefore is { } before)
        {
            query = query.Where(r => r.CreatedAt < before);
        }

        if (RunCursor.TryDecode(cursor, out var at, out var id))
        {
            query = query.Where(r => r.CreatedAt < at || (r.CreatedAt == at && string.Compare(r.Id, id) < 0));
        }

        var items = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(limit + 1).Summaries().ToListAsync(ct).ConfigureAwait(false);
        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            next = RunCursor.Encode(items[^1].CreatedAt, items[^1].Id);
        }

        return (items, next);
    }

    /// <summary>Events of a run after an event id, oldest first.</summary>
    public async Task<List<RunEventRecord>> EventsAfterAsync(string runId, long afterId, int max, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.Events.AsNoTracking().Where(e => e.RunId == runId && e.Id > afterId).OrderBy(e => e.Id).Take(max).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Stores answers and queues the run to resume from its checkpoint; false when it is not waiting.</summary>
    public async Task<bool> AnswerAsync(string ownerId, string runId, IReadOnlyDictionary<string, string> answers, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var updated = await db.Runs.Where(r => r.Id == runId && r.OwnerId == ownerId && r.Status == RunStatuses.AwaitingInput).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatuses.Queued)
            .SetProperty(r => r.AnswersJson, JsonSerializer.Serialize(answers, DocumentJson.Options))
            .SetProperty(r => r.UpdatedAt, now), ct).ConfigureAwait(false);
        if (updated == 0)
        {
            return false;
        }

        await journal.AppendAsync(runId, RunEventTypes.AnswersReceived, new { answered = answers.Count, questions = answers.Keys }, ct).ConfigureAwait(false);
        await dispatcher.EnqueueAsync(runId, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Cancels a run: at once when it is not executing, cooperatively when it is. False when it already ended.</summary>
    public async Task<bool> CancelAsync(string ownerId, string runId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var immediate = await db.Runs.Where(r => r.Id == runId && r.OwnerId == ownerId && (r.Status == RunStatuses.Queued || r.Status == RunStatuses.AwaitingInput))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatuses.Cancelled)
                .SetProperty(r => r.CancelRequested, true)
                .SetProperty(r => r.CompletedAt, now)
                .SetProperty(r => r.UpdatedAt, now), ct).ConfigureAwait(false);
        if (immediate == 1)
        {
            journal.Add(db, runId, RunEventTypes.Finished, new { status = RunStatuses.Cancelled, error = "cancelled by its owner" });
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            signals.Changed(runId);
            return true;
        }

        var running = await db.Runs.Where(r => r.Id == runId && r.OwnerId == ownerId && r.Status == RunStatuses.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true).SetProperty(r => r.UpdatedAt, now), ct).ConfigureAwait(false);
        if (running == 0)
        {
            return false;
        }

        await journal.AppendAsync(runId, RunEventTypes.CancelRequested, new { }, ct).ConfigureAwait(false);
        signals.Cancel(runId);
        return true;
    }

    /// <summary>
    /// Puts a failed run back in the queue; it continues from its last checkpoint, so finished agents are not
    /// called again. A new budget replaces the old one (the tokens already spent still count).
    /// </summary>
    /// <returns>False when the run does not exist for the owner or did not fail.</returns>
    public async Task<bool> ResumeAsync(string ownerId, string runId, RunBudget? budget, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var budgetJson = budget is null ? null : JsonSerializer.Serialize(budget, DocumentJson.Options);
        var updated = await db.Runs.Where(r => r.Id == runId && r.OwnerId == ownerId && r.Status == RunStatuses.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatuses.Queued)
                .SetProperty(r => r.Error, (string?)null)
                .SetProperty(r => r.ErrorCode, (string?)null)
                .SetProperty(r => r.CompletedAt, (DateTimeOffset?)null)
                .SetProperty(r => r.BudgetJson, r => budgetJson ?? r.BudgetJson)
                .SetProperty(r => r.UpdatedAt, now), ct).ConfigureAwait(false);
        if (updated == 0)
        {
            return false;
        }

        journal.Add(db, runId, RunEventTypes.Resumed, new { budget });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        signals.Changed(runId);
        await dispatcher.EnqueueAsync(runId, ct).ConfigureAwait(false);
        return true;
    }
}
