using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Runs.Scheduling;

/// <summary>Checks the node's scheduling settings at start: split roles need a shared (PostgreSQL) store, and the scheduler must build.</summary>
public sealed class NodeRoleGuard(IOptions<SchedulingOptions> scheduling, RunScheduler scheduler) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var role = scheduling.Value.Role;
        if (scheduling.Value.IdleWaitTimeMs < 1000)
        {
            throw new InvalidOperationException($"Scheduling:IdleWaitTimeMs is {scheduling.Value.IdleWaitTimeMs}; Quartz needs at least 1000");
        }

        if (role != NodeRole.All && !scheduler.Clustered)
        {
            throw new InvalidOperationException(
                $"Node:Role is '{role.ToString().ToLowerInvariant()}', which needs a store shared by several nodes; set ConnectionStrings:Runs to a PostgreSQL server, or use Node:Role 'all' with SQLite");
        }

        // Build the scheduler now, so a bad store or setting stops the node at start rather than failing requests.
        await scheduler.GetAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
