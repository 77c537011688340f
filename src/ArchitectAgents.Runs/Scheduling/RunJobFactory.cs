using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Extensibility;

namespace ArchitectAgents.Runs.Scheduling;

/// <summary>Creates jobs (runs, deliveries) from the services of the host that owns the scheduler.</summary>
public sealed class RunJobFactory(IServiceProvider services) : IJobFactory
{
    /// <inheritdoc />
    public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new JobScope((IJob)services.GetRequiredService(bundle.JobDetail.JobType.Type), null));

    /// <inheritdoc />
    public ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
