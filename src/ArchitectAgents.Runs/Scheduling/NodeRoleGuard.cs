using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Runs.Scheduling;

/// <summary>Refuses to start a node whose role cannot work with its store: split roles need a shared (PostgreSQL) store.</summary>
public sealed class NodeRoleGuard(IOptions<SchedulingOptions> scheduling, RunScheduler scheduler) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var role = scheduling.Value.Role;
        if (role != NodeRole.All && !scheduler.Clustered)
        {
            throw new InvalidOperationException(
                $"Node:Role is '{role.ToString().ToLowerInvariant()}', which needs a store shared by several nodes; set ConnectionStrings:Runs to a PostgreSQL server, or use Node:Role 'all' with SQLite");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
