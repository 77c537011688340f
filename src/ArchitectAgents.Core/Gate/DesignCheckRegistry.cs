using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// The contradiction checks the gate runs, in a fixed order. Adding a check is adding a type to <see cref="Default"/>;
/// the gate turns each result into an item, and a model-backed gate gets the same results as inputs it cannot override.
/// </summary>
public sealed class DesignCheckRegistry(IReadOnlyList<IDesignCheck> checks)
{
    /// <summary>Every check this codebase has.</summary>
    public static DesignCheckRegistry Default { get; } = new(
    [
        new ServerOwnedFieldsCheck(),
        new AppendOnlyDeleteCheck(),
        new FigureConsistencyCheck(),
        new TechnologyVersionCheck(),
        new UnusedTechnologyCheck(),
        new UntouchedTableCheck(),
        new UnownedOperationCheck(),
        new MechanismCheck(),
        new ShellRecordCheck(),
    ]);

    /// <summary>The checks, in order.</summary>
    public IReadOnlyList<IDesignCheck> Checks => checks;

    /// <summary>Runs every check on a document; nothing when it has no design yet.</summary>
    public IReadOnlyList<CheckResult> Run(DesignDocument document) =>
        DesignView.Of(document) is { } view ? Run(view) : [];

    /// <summary>Runs every check on an already parsed design.</summary>
    public IReadOnlyList<CheckResult> Run(DesignView view) => [.. checks.Select(c => c.Run(view))];
}
