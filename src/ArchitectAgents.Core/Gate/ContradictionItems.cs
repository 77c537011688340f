using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Gate;

/// <summary>The gate items computed from the contradiction checks: one per check, saying what it measured and what it found.</summary>
public static class ContradictionItems
{
    /// <summary>Item kind of computed contradiction items.</summary>
    public const string Kind = "contradiction";

    /// <summary>Id prefix of computed contradiction items.</summary>
    public const string Prefix = "contradiction.";

    /// <summary>One item per check of the registry.</summary>
    public static List<GateItem> For(DesignDocument document, DesignCheckRegistry? registry = null) =>
        DesignView.Of(document) is { } view ? For(view, registry) : [];

    /// <summary>One item per check of the registry, on an already parsed design.</summary>
    public static List<GateItem> For(DesignView view, DesignCheckRegistry? registry = null) =>
        [.. (registry ?? DesignCheckRegistry.Default).Run(view).Select(r => new GateItem
        {
            Id = Prefix + r.CheckId,
            Kind = Kind,
            Title = r.Title,
            Status = r.Holds ? GateItemStatus.Pass : r.Advisory ? GateItemStatus.Warn : GateItemStatus.Fail,
            Evidence = r.Evidence,
        })];
}
