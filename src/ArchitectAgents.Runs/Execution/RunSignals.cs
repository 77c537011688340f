using System.Collections.Concurrent;

namespace ArchitectAgents.Runs.Execution;

/// <summary>
/// In-process wake-ups: SSE streams when a run has new events, and
/// cancellation of runs executing on this node. The store stays the source of truth; a missed signal
/// only costs one poll interval.
/// </summary>
public sealed class RunSignals
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _executing = new();
    private event Action<string>? RunChanged;

    /// <summary>Announces new events or a new state for a run.</summary>
    public void Changed(string runId) => RunChanged?.Invoke(runId);

    /// <summary>Waits until the run changes or the timeout passes.</summary>
    public async Task WaitForChangeAsync(string runId, TimeSpan timeout, CancellationToken ct)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(string id)
        {
            if (id == runId)
            {
                changed.TrySetResult();
            }
        }

        RunChanged += Handler;
        try
        {
            await changed.Task.WaitAsync(timeout, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        finally
        {
            RunChanged -= Handler;
        }
    }

    /// <summary>Registers a run executing here; its token is cancelled by <see cref="Cancel"/>.</summary>
    public CancellationTokenSource Executing(string runId, CancellationToken stopping)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _executing[runId] = cts;
        return cts;
    }

    /// <summary>How many runs execute on this node now.</summary>
    public int ExecutingCount => _executing.Count;

    /// <summary>Removes a run from the executing set.</summary>
    public void Done(string runId) => _executing.TryRemove(runId, out _);

    /// <summary>Cancels a run if it executes on this node.</summary>
    public bool Cancel(string runId)
    {
        if (_executing.TryGetValue(runId, out var cts))
        {
            cts.Cancel();
            return true;
        }

        return false;
    }
}
