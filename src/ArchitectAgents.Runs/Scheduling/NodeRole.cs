namespace ArchitectAgents.Runs.Scheduling;

/// <summary>What a node of the service does (<c>Node:Role</c>).</summary>
public enum NodeRole
{
    /// <summary>Serves the API and executes runs: the single-node default.</summary>
    All,

    /// <summary>Serves the API and enqueues runs; never executes them.</summary>
    Api,

    /// <summary>Executes runs; serves only health and metrics.</summary>
    Worker,
}
