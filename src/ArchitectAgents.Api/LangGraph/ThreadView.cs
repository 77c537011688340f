using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Api.Runs;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Runs.Requests;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Threads;

namespace ArchitectAgents.Api.LangGraph;

/// <summary>
/// A thread, its state and its history as LangGraph's API shows them, read from the service run the thread's newest
/// LangGraph run links to: the values are the design document, a checkpoint is the document after its N-th section
/// write (<c>{run id}:{N}</c>, the same states <c>/v1/runs/{id}/document?revision=N</c> serves), and a run waiting
/// for answers is an interrupt of the workflow's human node.
/// </summary>
internal static class ThreadView
{
    /// <summary>idle, busy, interrupted or error, from the newest service run (null when the thread has none).</summary>
    public static string Status(RunRecord? run) => run?.Status switch
    {
        null => "idle",
        RunStatuses.Queued or RunStatuses.Running => "busy",
        RunStatuses.AwaitingInput => "interrupted",
        RunStatuses.Failed => "error",
        _ => "idle",
    };

    /// <summary>The node an interrupt belongs to: the workflow's human node (the one that waits for answers).</summary>
    public static string InterruptNode(WorkflowDefinition? workflow) =>
        workflow?.Nodes.FirstOrDefault(n => n.Kind == NodeKind.Human)?.Id ?? "context-gatherer";

    /// <summary>The interrupt a LangGraph run stopped at: its value carries the questions to answer with <c>command.resume</c>.</summary>
    public static JsonObject Interrupt(ThreadRunRecord segment, JsonNode? questions, DateTimeOffset? answersDueAt)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var value = new JsonObject { ["questions"] = questions?.DeepClone() ?? new JsonArray() };
        if (answersDueAt is { } due)
        {
            value["answers_due_at"] = LangGraphJson.Time(due);
        }

        return new JsonObject { ["id"] = InterruptId(segment), ["value"] = value };
    }

    /// <summary>The id of the interrupt a LangGraph run stopped at: derived from the run, so every read shows the same one.</summary>
    public static string InterruptId(ThreadRunRecord segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return LangGraphJson.StableId($"{segment.Id}/interrupt");
    }

    /// <summary>The pending questions of a waiting run as interrupt payload (the same shape <c>/v1/runs/{id}/questions</c> lists).</summary>
    public static JsonNode PendingQuestions(RunRecord run) =>
        JsonSerializer.SerializeToNode(RunAnswerCheck.Pending(run), DocumentJson.Options)!;

    /// <summary>The thread object, with the newest values and any pending interrupt.</summary>
    public static JsonObject Thread(ThreadRecord thread, ThreadRunRecord? latest, RunRecord? run, DesignDocument? document)
    {
        ArgumentNullException.ThrowIfNull(thread);
        var interrupts = new JsonObject();
        if (latest is not null && run is { Status: RunStatuses.AwaitingInput })
        {
            interrupts[TaskId(latest)] = new JsonArray(Interrupt(latest, PendingQuestions(run), run.AnswersDueAt));
        }

        var json = new JsonObject
        {
            ["thread_id"] = thread.Id,
            ["created_at"] = LangGraphJson.Time(thread.CreatedAt),
            ["updated_at"] = LangGraphJson.Time(Math.Max(thread.UpdatedAt, run?.UpdatedAt.ToUnixTimeMilliseconds() ?? 0)),
            ["state_updated_at"] = LangGraphJson.Time(run?.UpdatedAt.ToUnixTimeMilliseconds() ?? thread.UpdatedAt),
            ["metadata"] = LangGraphJson.Object(thread.MetadataJson),
            ["status"] = Status(run),
            ["values"] = LangGraphJson.Values(document),
            ["interrupts"] = interrupts,
            ["config"] = new JsonObject(),
        };
        if (run is { Status: RunStatuses.Failed })
        {
            json["error"] = run.Error;
        }

        return json;
    }

    /// <summary>The state of a thread with no runs yet.</summary>
    public static JsonObject EmptyState(string threadId) => new()
    {
        ["values"] = new JsonObject(),
        ["next"] = new JsonArray(),
        ["tasks"] = new JsonArray(),
        ["checkpoint"] = Checkpoint(threadId, null),
        ["metadata"] = new JsonObject(),
        ["created_at"] = null,
        ["parent_checkpoint"] = null,
        ["interrupts"] = new JsonArray(),
    };

    /// <summary>
    /// The state after the first <paramref name="count"/> section writes of a run's document. The newest state of the
    /// thread's newest run (<paramref name="latest"/> given) also says what it waits for: the human node, with its interrupt.
    /// </summary>
    public static JsonObject State(string threadId, RunRecord run, DesignDocument document, int count, ThreadRunRecord? latest, string interruptNode)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(document);
        var next = new JsonArray();
        var tasks = new JsonArray();
        var interrupts = new JsonArray();
        if (latest is not null && run.Status == RunStatuses.AwaitingInput)
        {
            var interrupt = Interrupt(latest, PendingQuestions(run), run.AnswersDueAt);
            next.Add(interruptNode);
            interrupts.Add(interrupt.DeepClone());
            tasks.Add(new JsonObject
            {
                ["id"] = TaskId(latest),
                ["name"] = interruptNode,
                ["error"] = null,
                ["interrupts"] = new JsonArray(interrupt),
                ["checkpoint"] = null,
                ["state"] = null,
                ["result"] = null,
            });
        }
        else if (latest is not null && run.Status == RunStatuses.Failed)
        {
            tasks.Add(new JsonObject { ["id"] = TaskId(latest), ["name"] = "error", ["error"] = run.Error, ["interrupts"] = new JsonArray(), ["checkpoint"] = null, ["state"] = null });
        }

        var entry = count > 0 ? document.History[count - 1] : null;
        var metadata = new JsonObject { ["source"] = "loop", ["step"] = count, ["run_id"] = run.Id, ["writes"] = null, ["parents"] = new JsonObject() };
        if (entry is not null)
        {
            // Who wrote what at this step, as LangGraph records a step's writes per node.
            metadata["writes"] = new JsonObject { [entry.Author] = new JsonObject { [entry.Section] = JsonSerializer.SerializeToNode(entry.Content) } };
        }

        return new JsonObject
        {
            ["values"] = LangGraphJson.Values(count == document.History.Count ? document : document.AtRevision(count)),
            ["next"] = next,
            ["tasks"] = tasks,
            ["checkpoint"] = Checkpoint(threadId, CheckpointId(run.Id, count)),
            ["metadata"] = metadata,
            ["created_at"] = LangGraphJson.Time(entry?.UpdatedAt ?? run.CreatedAt),
            ["parent_checkpoint"] = count > 0 ? Checkpoint(threadId, CheckpointId(run.Id, count - 1)) : null,
            ["interrupts"] = interrupts,
        };
    }

    /// <summary>The checkpoint id of the document after <paramref name="count"/> section writes of a run.</summary>
    public static string CheckpointId(string runId, int count) => $"{runId}:{count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Reads a checkpoint id made by <see cref="CheckpointId"/>; false when it is not one.</summary>
    public static bool TryParseCheckpointId(string? checkpointId, out string runId, out int count)
    {
        runId = "";
        count = 0;
        var colon = checkpointId?.LastIndexOf(':') ?? -1;
        if (colon <= 0 || !int.TryParse(checkpointId.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count))
        {
            return false;
        }

        runId = checkpointId![..colon];
        return true;
    }

    private static string TaskId(ThreadRunRecord segment) => LangGraphJson.StableId($"{segment.Id}/task");

    private static JsonObject Checkpoint(string threadId, string? checkpointId) => new()
    {
        ["thread_id"] = threadId,
        ["checkpoint_ns"] = "",
        ["checkpoint_id"] = checkpointId,
        ["checkpoint_map"] = null,
    };
}
