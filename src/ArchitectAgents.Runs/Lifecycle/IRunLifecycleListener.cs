using ArchitectAgents.Runs.Store;

namespace ArchitectAgents.Runs.Lifecycle;

/// <summary>
/// Told when a run starts waiting for answers, completes or fails. Listeners are called with the store context
/// that is about to save the status change: whatever they add to it (an outbound delivery, say) commits with the
/// change or not at all, so a crash can neither lose a notification nor announce a change that was never saved.
/// Listeners only write to the store; sending happens later (see <c>Deliveries</c>).
/// </summary>
public interface IRunLifecycleListener
{
    /// <summary>Adds the listener's work for one transition to <paramref name="db"/> (no save, no network).</summary>
    Task OnTransitionAsync(RunTransition transition, ArchitectDbContext db, CancellationToken ct);
}
