using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>Polls the store for due deliveries and attempts them. Everything it needs is in the store, so restarts lose nothing.</summary>
public sealed class DeliveryDispatcher(DeliveryProcessor processor, IOptionsMonitor<CallbackOptions> options, ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var id in await processor.DueAsync(50, stoppingToken).ConfigureAwait(false))
                {
                    await processor.AttemptAsync(id, stoppingToken).ConfigureAwait(false);
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
