using ArchitectAgents.Core.Document;
using ArchitectAgents.Runs.Store;

namespace ArchitectAgents.Runs.Lifecycle;

/// <summary>A run changed state in a way the outside world hears about.</summary>
/// <param name="EventType">One of <see cref="RunLifecycleEvents"/>.</param>
/// <param name="Run">The run as it is being saved (status, verdict, error already set).</param>
/// <param name="Questions">The pending questions, for <see cref="RunLifecycleEvents.AwaitingInput"/>.</param>
/// <param name="Document">The design document as it stands.</param>
public sealed record RunTransition(string EventType, RunRecord Run, IReadOnlyList<ClarifyingQuestion> Questions, DesignDocument? Document);
