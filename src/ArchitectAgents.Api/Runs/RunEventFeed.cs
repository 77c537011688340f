using System.Runtime.CompilerServices;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;

namespace ArchitectAgents.Api.Runs;

/// <summary>
/// A run's events read from the store as they are written: every event after a given id, then new ones, until the
/// run ends. The store is the source of truth, so a reader that reconnects misses nothing and repeats nothing. Used
/// by the run's own SSE stream and by the LangGraph-compatible stream, which shape the same events differently.
/// </summary>
internal static class RunEventFeed
{
    /// <summary>How often the store is read when nothing wakes the reader (events written by another process).</summary>
    public static TimeSpan PollInterval(RunStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TimeSpan.FromMilliseconds(Math.Clamp(options.EventPollIntervalMs, 50, 10_000));
    }

    /// <summary>
    /// Batches of events after <paramref name="after"/>, oldest first; an empty batch means nothing new arrived for a
    /// poll interval (the moment to send a keep-alive). Ends when the run has ended and every event was read.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<RunEventRecord>> ReadAsync(
        RunService runs, RunSignals signals, TimeSpan poll, string ownerId, string runId, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(signals);
        while (!ct.IsCancellationRequested)
        {
            var events = await runs.EventsAfterAsync(runId, after, 500, ct);
            if (events.Count > 0)
            {
                after = events[^1].Id;
                yield return events;
                continue;
            }

            var run = await runs.GetAsync(ownerId, runId, ct);
            if (run is null || RunStatuses.IsTerminal(run.Status))
            {
                // Events written just before the final state were read above; nothing more will come.
                if ((await runs.EventsAfterAsync(runId, after, 1, ct)).Count == 0)
                {
                    yield break;
                }

                continue;
            }

            // Woken at once by this node's worker; the timeout also catches events written by other processes.
            await signals.WaitForChangeAsync(runId, poll, ct);
            yield return [];
        }
    }
}
