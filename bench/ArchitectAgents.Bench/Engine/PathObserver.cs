using System.Collections.Concurrent;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Bench.Engine;

/// <summary>Records which nodes ran and for how long, and answers no questions (a non-interactive run).</summary>
public sealed class PathObserver : IDesignRunObserver
{
    /// <summary>Node ids in start order.</summary>
    public ConcurrentQueue<string> Started { get; } = new();

    /// <summary>Completed nodes with their own measured duration.</summary>
    public ConcurrentQueue<(string Node, long DurationMs)> Completed { get; } = new();

    /// <summary>How many times the run asked questions.</summary>
    public int Asked { get; private set; }

    /// <inheritdoc />
    public void OnEvent(WorkflowEvent workflowEvent)
    {
        switch (workflowEvent)
        {
            case NodeStartedEvent started:
                Started.Enqueue(started.Node);
                break;
            case NodeCompletedEvent completed:
                Completed.Enqueue((completed.Node, completed.DurationMs));
                break;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> AskAsync(IReadOnlyList<ClarifyingQuestion> questions, CancellationToken cancellationToken)
    {
        Asked++;
        return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
    }
}
