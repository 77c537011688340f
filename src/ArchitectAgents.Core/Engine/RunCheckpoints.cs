using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>Where a run keeps its superstep checkpoints, and the checkpoint to continue from when resuming.</summary>
/// <param name="Manager">The checkpoint manager (a JSON store on disk or in the run store).</param>
/// <param name="ResumeFrom">The checkpoint to resume from; null starts the run from its input.</param>
public sealed record RunCheckpoints(CheckpointManager Manager, CheckpointInfo? ResumeFrom = null);
