using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Engine;

/// <summary>Receives progress and answers questions while a run goes.</summary>
public interface IDesignRunObserver
{
    /// <summary>Called for every node start, completion and rejection, in order.</summary>
    void OnEvent(Microsoft.Agents.AI.Workflows.WorkflowEvent workflowEvent);

    /// <summary>Asks a person; returns answers by question id. Questions left unanswered become assumptions.</summary>
    Task<IReadOnlyDictionary<string, string>> AskAsync(IReadOnlyList<ClarifyingQuestion> questions, CancellationToken cancellationToken);
}
