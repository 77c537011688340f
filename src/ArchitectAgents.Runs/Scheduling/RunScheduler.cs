using ArchitectAgents.Runs.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ArchitectAgents.Runs.Scheduling;

/// <summary>
/// The node's Quartz scheduler, built on first use from configuration. On PostgreSQL it is Quartz's
/// clustered ADO job store in the same database (tables created at start when missing): any node may
/// enqueue, one worker runs each job, and a dead worker's jobs are recovered by another. On SQLite it is
/// the in-memory store: one node, and the runs table stays the queue's source of truth across restarts.
/// Each run is one job keyed by its id, with recovery requested and no concurrent execution.
/// </summary>
public sealed class RunScheduler(IConfiguration configuration, IOptions<SchedulingOptions> scheduling, IOptions<RunStoreOptions> runs, IServiceProvider services, ILogger<RunScheduler> logger) : IRunDispatcher, IAsyncDisposable
{
    /// <summary>The group of run jobs.</summary>
    public const string Group = "runs";

    /// <summary>The group of delivery jobs.</summary>
    public const string DeliveryGroup = "deliveries";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IScheduler? _scheduler;
    private ServiceProvider? _quartzServices;

    /// <summary>True when the job store is shared by a cluster of nodes.</summary>
    public bool Clustered => StoreRegistration.IsPostgres(ConnectionString);

    private string ConnectionString => RunStoreLocation.ConnectionString(configuration);

    /// <summary>The scheduler, created (not started) on first use.</summary>
    public async Task<IScheduler> GetAsync(CancellationToken ct)
    {
        if (_scheduler is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_scheduler is null)
            {
                // Built here rather than at registration so the store follows the configuration the host ends up with.
                var quartz = new ServiceCollection();
                quartz.AddSingleton(services.GetRequiredService<ILoggerFactory>());
                quartz.AddLogging();
                quartz.AddQuartz(Configure);
                _quartzServices = quartz.BuildServiceProvider();
                _scheduler = await _quartzServices.GetRequiredService<ISchedulerFactory>().GetScheduler(ct).ConfigureAwait(false);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Quartz scheduler {Instance} ready: {Store}, role {Role}", _scheduler.SchedulerInstanceId,
                        Clustered ? "clustered ADO store on PostgreSQL" : "in-memory store (single node)", scheduling.Value.Role);
                }
            }

            return _scheduler;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task EnqueueAsync(string runId, CancellationToken cancellationToken) =>
        ScheduleAsync<RunJob>(new JobKey(runId, Group), null, cancellationToken);

    /// <summary>Schedules an attempt at an outbound delivery (callback, ticket comment) at a time; safe to repeat.</summary>
    public Task ScheduleDeliveryAsync(string deliveryId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ScheduleAsync<DeliveryJob>(new JobKey(deliveryId, DeliveryGroup), at, cancellationToken);

    /// <summary>Adds a trigger to the job, creating the job (recovery requested) when it does not exist yet.</summary>
    private async Task ScheduleAsync<TJob>(JobKey key, DateTimeOffset? at, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var scheduler = await GetAsync(cancellationToken).ConfigureAwait(false);
        var builder = TriggerBuilder.Create()
            .ForJob(key)
            .WithIdentity(Guid.NewGuid().ToString("N"), key.Group)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
        var trigger = (at is { } when ? builder.StartAt(when) : builder.StartNow()).Build();
        // A job without triggers is deleted when its execution ends, so "exists" can turn false between the check and
        // the schedule (a run answered while its parking execution returns): try the other way round once more.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (await scheduler.Exists(key, cancellationToken).ConfigureAwait(false))
                {
                    await scheduler.ScheduleJob(trigger, default, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var job = JobBuilder.Create<TJob>().WithIdentity(key).RequestRecovery().Build();
                    await scheduler.ScheduleJob(job, trigger, default, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (SchedulerException ex) when (attempt < 3 && ex is not SchedulerConfigException)
            {
                // The job appeared (another node created it) or vanished (its last execution ended): look again.
                await Task.Delay(20 * (attempt + 1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>True when a job for the delivery exists (an attempt is scheduled or running).</summary>
    public async Task<bool> HasDeliveryJobAsync(string deliveryId, CancellationToken ct) =>
        await (await GetAsync(ct).ConfigureAwait(false)).Exists(new JobKey(deliveryId, DeliveryGroup), ct).ConfigureAwait(false);

    /// <summary>True when a job for the run exists.</summary>
    public async Task<bool> HasJobAsync(string runId, CancellationToken ct) =>
        await (await GetAsync(ct).ConfigureAwait(false)).Exists(new JobKey(runId, Group), ct).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_scheduler is { } scheduler && scheduler.Status is not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown))
        {
            await scheduler.Shutdown(false).ConfigureAwait(false);
        }

        if (_quartzServices is not null)
        {
            await _quartzServices.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    private void Configure(IQuartzBuilder q)
    {
        var s = scheduling.Value;
        q.ConfigureScheduler(o =>
        {
            // Quartz keeps schedulers in a process-wide registry by name: a clustered name is shared by every node on
            // one database (and only those); an in-memory one is unique to this host.
            o.InstanceName = Clustered
                ? $"architect-{new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database}"
                : $"architect-{Guid.NewGuid():N}";
            o.GenerateInstanceId = true;
            o.IdleWaitTime = TimeSpan.FromMilliseconds(s.IdleWaitTimeMs);
        });
        q.UseDefaultThreadPool(Math.Max(1, runs.Value.MaxConcurrentRuns));
        q.UseJobFactory(new RunJobFactory(services));
        if (Clustered)
        {
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(StoreRegistration.WithBoundedPool(ConnectionString));
                store.ProvisionSchema();
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromMilliseconds(s.CheckinIntervalMs);
                    c.CheckinMisfireThreshold = TimeSpan.FromMilliseconds(s.CheckinMisfireThresholdMs);
                });
            });
        }
        else
        {
            q.UseInMemoryStore();
        }
    }
}
