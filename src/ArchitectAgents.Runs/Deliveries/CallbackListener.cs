using System.Text.Json;
using ArchitectAgents.Runs.Lifecycle;
using ArchitectAgents.Runs.Store;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>Queues a signed callback for each lifecycle event of a run that has a callback URL.</summary>
public sealed class CallbackListener(IOptionsMonitor<PublicLinks> links, TimeProvider time) : IRunLifecycleListener
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <inheritdoc />
    public Task OnTransitionAsync(RunTransition transition, ArchitectDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var run = transition.Run;
        if (run.CallbackUrl is not { Length: > 0 } url)
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        DeliveryOutbox.Enqueue(db, CallbackChannel.ChannelName, run, transition.EventType, url, Payload(transition, links.CurrentValue, now), now);
        return Task.CompletedTask;
    }

    /// <summary>The callback body: <c>{type, timestamp, data}</c> as Standard Webhooks suggests.</summary>
    public static string Payload(RunTransition transition, PublicLinks links, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(links);
        var run = transition.Run;
        var finished = transition.EventType == RunLifecycleEvents.Completed;
        return JsonSerializer.Serialize(new
        {
            type = transition.EventType,
            timestamp = now,
            data = new
            {
                runId = run.Id,
                status = run.Status,
                verdict = run.Verdict,
                score = run.Score,
                error = run.Error,
                questions = transition.EventType == RunLifecycleEvents.AwaitingInput
                    ? transition.Questions.Select(q => new { id = q.Id, topic = q.Topic, text = q.Text, why = q.Why }).ToList()
                    : null,
                answersDueAt = transition.EventType == RunLifecycleEvents.AwaitingInput ? run.AnswersDueAt : null,
                links = new
                {
                    run = links.Run(run.Id),
                    questions = transition.EventType == RunLifecycleEvents.AwaitingInput ? links.Link($"/v1/runs/{run.Id}/questions") : null,
                    deliverables = finished ? links.Deliverables(run.Id) : null,
                },
            },
        }, Json);
    }
}
