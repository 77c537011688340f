using System.Text;
using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>What became of a delivery.</summary>
internal enum IntakeOutcome
{
    RunStarted,
    Answered,
    Ignored,
    Duplicate,
}

/// <summary>The result of <see cref="TicketIntake.HandleAsync"/>.</summary>
internal sealed record IntakeResult(IntakeOutcome Outcome, string? RunId = null, string? Detail = null);

/// <summary>
/// Acts on verified ticket events: starts a run (at most one live run per ticket), or hands a reply to the run
/// waiting on the ticket as answers. Every delivery is recorded under its sender's id, which also deduplicates it.
/// Only store writes happen here; the agents run later on the worker, so the webhook is answered at once.
/// </summary>
internal sealed class TicketIntake(
    IDbContextFactory<ArchitectDbContext> factory,
    RunService runs,
    DefinitionSet definitions,
    IOptions<RunStoreOptions> runOptions,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time,
    ILogger<TicketIntake> logger)
{
    public async Task<IntakeResult> HandleAsync(TicketEvent evt, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return evt.Action switch
        {
            TicketAction.Start => await StartAsync(evt, owner, ct),
            TicketAction.Reply => await ReplyAsync(evt, ct),
            _ => await RecordAsync(evt, "ignored", evt.IgnoreReason, null, ct) ? new IntakeResult(IntakeOutcome.Ignored, null, evt.IgnoreReason) : await DuplicateAsync(evt, ct),
        };
    }

    private async Task<IntakeResult> StartAsync(TicketEvent evt, string owner, CancellationToken ct)
    {
        var activeKey = $"{evt.Source}:{evt.TicketKey}";
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await db.WebhookDeliveries.AnyAsync(d => d.Source == evt.Source && d.DeliveryId == evt.DeliveryId, ct))
            {
                return await DuplicateAsync(evt, ct);
            }

            // A run that ended without telling us (cancelled) must not hold the ticket forever.
            await db.TicketLinks.Where(l => l.ActiveKey == activeKey && db.Runs.Any(r => r.Id == l.RunId &&
                    (r.Status == RunStatuses.Completed || r.Status == RunStatuses.CompletedWithIssues || r.Status == RunStatuses.Failed || r.Status == RunStatuses.Cancelled)))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ActiveKey, (string?)null), ct);
            if (await db.TicketLinks.AsNoTracking().FirstOrDefaultAsync(l => l.ActiveKey == activeKey, ct) is { } live)
            {
                return await IgnoreBusyAsync(evt, live.RunId, ct);
            }
        }

        var brief = Brief(evt, runOptions.Value.MaxBriefBytes);
        var now = time.GetUtcNow();
        try
        {
            var (_, run) = await runs.CreateAsync(new CreateRunCommand(
                owner, brief, definitions.DefaultWorkflow, Interactive: true, options.CurrentValue.QuestionTimeoutSeconds, evt.CallbackUrl, [],
                IdempotencyKey: null, RunService.Hash(brief), evt.Source, evt.Requester), (db, run) =>
                {
                    db.TicketLinks.Add(new TicketLinkRecord
                    {
                        Source = evt.Source,
                        TicketKey = evt.TicketKey!,
                        RunId = run.Id,
                        ActiveKey = activeKey,
                        CommentsUrl = evt.CommentsUrl,
                        TicketUrl = evt.TicketUrl,
                        CreatedAt = now,
                    });
                    db.WebhookDeliveries.Add(Delivery(evt, "run_started", null, run.Id, now));
                }, ct);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Webhook {Source} {DeliveryId} ({Event}) started run {RunId} for {Ticket}", evt.Source, evt.DeliveryId, evt.Event, run.Id, evt.TicketKey);
            }

            return new IntakeResult(IntakeOutcome.RunStarted, run.Id);
        }
        catch (DbUpdateException)
        {
            // Lost a race: either this delivery was recorded meanwhile, or another delivery started a run for the ticket.
            await using var db = await factory.CreateDbContextAsync(ct);
            if (await db.WebhookDeliveries.AnyAsync(d => d.Source == evt.Source && d.DeliveryId == evt.DeliveryId, ct))
            {
                return await DuplicateAsync(evt, ct);
            }

            if (await db.TicketLinks.AsNoTracking().FirstOrDefaultAsync(l => l.ActiveKey == activeKey, ct) is { } live)
            {
                return await IgnoreBusyAsync(evt, live.RunId, ct);
            }

            throw;
        }
    }

    private async Task<IntakeResult> ReplyAsync(TicketEvent evt, CancellationToken ct)
    {
        var reply = evt.Reply ?? "";
        RunRecord? run = null;
        string? reason = null;
        if (reply.Contains(TicketMessage.MarkerPrefix, StringComparison.Ordinal))
        {
            reason = "a comment posted by ArchitectAgents";
        }
        else
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var activeKey = $"{evt.Source}:{evt.TicketKey}";
            var link = await db.TicketLinks.AsNoTracking().FirstOrDefaultAsync(l => l.ActiveKey == activeKey, ct);
            run = link is null ? null : await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == link.RunId, ct);
            reason = run is null ? "no run is linked to this ticket"
                : run.Status != RunStatuses.AwaitingInput ? $"run {run.Id} is {run.Status}, not waiting for answers"
                : null;
        }

        if (reason is not null || run is null)
        {
            return await RecordAsync(evt, "ignored", reason, run?.Id, ct) ? new IntakeResult(IntakeOutcome.Ignored, run?.Id, reason) : await DuplicateAsync(evt, ct);
        }

        var questions = JsonSerializer.Deserialize<List<ClarifyingQuestion>>(run.QuestionsJson ?? "[]", DocumentJson.Options) ?? [];
        var answers = AnswerParser.Map(reply, questions);
        if (answers.Count == 0)
        {
            // An empty or quote-only reply must not resume the run with every question turned into an assumption.
            const string nothing = "the reply answers none of the questions";
            return await RecordAsync(evt, "ignored", nothing, run.Id, ct) ? new IntakeResult(IntakeOutcome.Ignored, run.Id, nothing) : await DuplicateAsync(evt, ct);
        }

        // Recorded first: a redelivered reply must not answer twice.
        if (!await RecordAsync(evt, "answered", $"{answers.Count} of {questions.Count} question(s) answered", run.Id, ct))
        {
            return await DuplicateAsync(evt, ct);
        }

        if (!await runs.AnswerAsync(run.OwnerId, run.Id, answers, ct))
        {
            return new IntakeResult(IntakeOutcome.Ignored, run.Id, $"run {run.Id} stopped waiting for answers");
        }

        return new IntakeResult(IntakeOutcome.Answered, run.Id, $"{answers.Count} of {questions.Count} question(s) answered");
    }

    private async Task<IntakeResult> IgnoreBusyAsync(TicketEvent evt, string? runId, CancellationToken ct)
    {
        var reason = $"run {runId} for this ticket is still going; no second run is started";
        return await RecordAsync(evt, "ignored", reason, runId, ct) ? new IntakeResult(IntakeOutcome.Ignored, runId, reason) : await DuplicateAsync(evt, ct);
    }

    private async Task<IntakeResult> DuplicateAsync(TicketEvent evt, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var first = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Source == evt.Source && d.DeliveryId == evt.DeliveryId, ct);
        return new IntakeResult(IntakeOutcome.Duplicate, first?.RunId, $"delivery {evt.DeliveryId} was already received ({first?.Outcome})");
    }

    /// <returns>False when the delivery id was seen before.</returns>
    private async Task<bool> RecordAsync(TicketEvent evt, string outcome, string? detail, string? runId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.WebhookDeliveries.Add(Delivery(evt, outcome, detail, runId, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private static WebhookDeliveryRecord Delivery(TicketEvent evt, string outcome, string? detail, string? runId, DateTimeOffset now) => new()
    {
        Source = evt.Source,
        DeliveryId = evt.DeliveryId,
        Event = evt.Event,
        Outcome = outcome,
        Detail = detail is { Length: > 500 } ? detail[..500] : detail,
        TicketKey = evt.TicketKey,
        RunId = runId,
        ReceivedAt = now,
    };

    /// <summary>
    /// The ticket as a brief: title and body as the author wrote them. It is data for the agents, never
    /// instructions to the service: it only ever becomes the brief text. Control characters are dropped and an
    /// oversized body is cut at the brief limit.
    /// </summary>
    internal static string Brief(TicketEvent evt, int maxBytes)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(Clean(evt.Title ?? evt.TicketKey ?? "Ticket")).Append("\n\n");
        if (evt.Body is { Length: > 0 } body)
        {
            text.Append(Clean(body)).Append('\n');
        }

        var brief = text.ToString();
        while (Encoding.UTF8.GetByteCount(brief) > maxBytes)
        {
            brief = brief[..(brief.Length * 9 / 10)];
        }

        return brief;
    }

    private static string Clean(string text) => new([.. text.Where(c => !char.IsControl(c) || c is '\n' or '\t')]);
}
