using ArchitectAgents.Runs.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>
/// On nodes that execute work: finds deliveries that are due and have no Quartz job (new ones, replayed ones,
/// ones whose attempt died with its node) and schedules a <see cref="DeliveryJob"/> for each. Quartz then picks
/// the node that makes the attempt. Everything it needs is in the store, so restarts lose nothing.
/// </summary>
public sealed class DeliveryDispatcher(
    DeliveryProcessor processor,
    RunScheduler scheduler,
    IOptions<SchedulingOptions> scheduling,
    IOptionsMonitor<CallbackOptions> options,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!scheduling.Value.ExecutesRuns)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var id in await processor.DueAsync(200, stoppingToken).ConfigureAwait(false))
                {
                    if (!await scheduler.HasDeliveryJobAsync(id, stoppingToken).ConfigureAwait(false))
                    {
                        await scheduler.ScheduleDeliveryAsync(id, time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A store hiccup must not stop deliveries for good: the rows are still due at the next poll.
                logger.LogError(ex, "The delivery dispatcher failed; retrying");
            }

            try
            {
                await Task.Delay(options.CurrentValue.PollIntervalMs, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
