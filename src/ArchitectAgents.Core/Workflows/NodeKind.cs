namespace ArchitectAgents.Core.Workflows;

/// <summary>What a workflow node is.</summary>
public enum NodeKind
{
    /// <summary>Runs an agent from the catalog.</summary>
    Agent,
    /// <summary>Takes the brief and writes the <c>brief</c> section.</summary>
    Intake,
    /// <summary>Validates the artifacts with parsers (code, not a model) and writes <c>validation</c>.</summary>
    Validator,
    /// <summary>Pauses for human answers (a MAF request port).</summary>
    Human,
    /// <summary>Ends the run and yields the document.</summary>
    Output,
}
