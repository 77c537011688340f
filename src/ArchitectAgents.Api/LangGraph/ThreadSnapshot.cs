using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Threads;

namespace ArchitectAgents.Api.LangGraph;

/// <summary>A thread as read for one request: the record, its LangGraph runs (newest first) and the newest service run with its document.</summary>
internal sealed record ThreadSnapshot(ThreadRecord Thread, List<ThreadRunRecord> Runs, RunRecord? LatestRun, DesignDocument? Document)
{
    /// <summary>The newest LangGraph run, or null for a thread without runs.</summary>
    public ThreadRunRecord? Latest => Runs.Count > 0 ? Runs[0] : null;

    /// <summary>The owner's thread, or null when it does not exist for them.</summary>
    public static async Task<ThreadSnapshot?> LoadAsync(ThreadStore threads, RunService runs, string ownerId, string threadId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentNullException.ThrowIfNull(runs);
        if (await threads.GetAsync(ownerId, threadId, ct) is not { } thread)
        {
            return null;
        }

        var threadRuns = await threads.RunsAsync(ownerId, threadId, ct);
        var run = threadRuns.Count > 0 ? await runs.GetWithContentAsync(ownerId, threadRuns[0].RunId, ct) : null;
        var document = run?.DocumentJson is { } json ? JsonSerializer.Deserialize<DesignDocument>(json, DocumentJson.Options) : null;
        return new ThreadSnapshot(thread, threadRuns, run, document);
    }
}
