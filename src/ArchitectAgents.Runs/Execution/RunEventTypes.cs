namespace ArchitectAgents.Runs.Execution;

/// <summary>Event types written to the store and streamed over SSE.</summary>
public static class RunEventTypes
{
    /// <summary>The run was accepted.</summary>
    public const string Queued = "run_queued";
    /// <summary>A worker started or resumed it.</summary>
    public const string Started = "run_started";
    /// <summary>A node began.</summary>
    public const string NodeStarted = "node_started";
    /// <summary>A node finished.</summary>
    public const string NodeCompleted = "node_completed";
    /// <summary>A section of the document was written.</summary>
    public const string SectionWritten = "section_written";
    /// <summary>An agent's output was rejected.</summary>
    public const string OutputRejected = "agent_output_rejected";
    /// <summary>Questions wait for answers.</summary>
    public const string QuestionsAsked = "questions_asked";
    /// <summary>Answers were received.</summary>
    public const string AnswersReceived = "answers_received";
    /// <summary>Cancellation was requested.</summary>
    public const string CancelRequested = "cancel_requested";
    /// <summary>The run reached a final state.</summary>
    public const string Finished = "run_finished";
    /// <summary>An agent's reply broke its contract and it was asked to repair it.</summary>
    public const string OutputRepair = "agent_output_repair";
    /// <summary>An agent called a tool.</summary>
    public const string ToolCalled = "tool_called";
    /// <summary>A node's model usage changed.</summary>
    public const string Usage = "usage";
    /// <summary>A failed run was put back in the queue to continue from its last checkpoint.</summary>
    public const string Resumed = "run_resumed";
}
