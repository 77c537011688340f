namespace ArchitectAgents.Core.Gate;

/// <summary>A contradiction check computed by code from the design document and its artifacts.</summary>
public interface IDesignCheck
{
    /// <summary>Stable id; the gate item is <c>contradiction.&lt;id&gt;</c>.</summary>
    string Id { get; }

    /// <summary>What holds when the check passes.</summary>
    string Title { get; }

    /// <summary>Runs the check.</summary>
    CheckResult Run(DesignView view);
}
