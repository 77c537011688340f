using System.Text.Json.Nodes;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Threads;

namespace ArchitectAgents.Api.LangGraph;

/// <summary>
/// A LangGraph run as LangGraph's API shows it, derived from the service run behind it. A LangGraph run that stopped
/// at an interrupt has succeeded (the thread, not the run, is interrupted), as on a LangGraph server; once resumed,
/// the service run's further progress belongs to the newer LangGraph run.
/// </summary>
internal static class LangGraphRunView
{
    /// <summary>True when no newer LangGraph run (a resume) continues the same service run.</summary>
    public static bool IsLatest(ThreadRunRecord segment, IEnumerable<ThreadRunRecord> threadRuns) =>
        !threadRuns.Any(r => r.RunId == segment.RunId && r.StartEventId > segment.StartEventId);

    /// <summary>pending, running, success, error or interrupted (cancelled).</summary>
    public static string Status(bool latest, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!latest)
        {
            return "success";
        }

        return run.Status switch
        {
            RunStatuses.Queued => "pending",
            RunStatuses.Running => "running",
            RunStatuses.Failed => "error",
            RunStatuses.Cancelled => "interrupted",
            _ => "success",
        };
    }

    /// <summary>The run object of <c>GET /threads/{id}/runs/{run_id}</c> and friends.</summary>
    public static JsonObject ToJson(ThreadRunRecord segment, bool latest, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(run);
        var status = Status(latest, run);
        var json = new JsonObject
        {
            ["run_id"] = segment.Id,
            ["thread_id"] = segment.ThreadId,
            ["assistant_id"] = segment.AssistantId,
            ["created_at"] = LangGraphJson.Time(segment.CreatedAt),
            ["updated_at"] = LangGraphJson.Time(latest ? run.UpdatedAt : DateTimeOffset.FromUnixTimeMilliseconds(segment.CreatedAt)),
            ["status"] = status,
            ["metadata"] = LangGraphJson.Object(segment.MetadataJson),
            ["multitask_strategy"] = "reject",
            // Not LangGraph's: where the same work is visible in the service's own API.
            ["architect_run_id"] = run.Id,
        };
        if (status == "interrupted")
        {
            json["cancel_reason"] = "cancelled by its owner";
        }

        return json;
    }
}
