namespace ArchitectAgents.Runs.Scheduling;

/// <summary>Hands a queued run to whichever worker node will execute it.</summary>
public interface IRunDispatcher
{
    /// <summary>Schedules the run's job now; safe to call for a run that already has one.</summary>
    Task EnqueueAsync(string runId, CancellationToken cancellationToken);
}
