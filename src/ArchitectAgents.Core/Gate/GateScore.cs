using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// The gate's score, from the measured items: each item earns its weight when it passes and half when it warns.
/// Must-have items (computed contradictions, artifact validation, open high findings, stated requirements, use-case
/// coverage, constraints, compliance and existing decisions traced) weigh
/// three times a checklist item. Any failed item caps the score at <see cref="FailCap"/> and a failed must-have
/// item at <see cref="MustHaveCap"/>, so a design that fails anything never scores like one that passes.
/// </summary>
public static class GateScore
{
    /// <summary>Highest score a design with a failed must-have item can get.</summary>
    public const int MustHaveCap = 50;

    /// <summary>Highest score a design with any failed item can get.</summary>
    public const int FailCap = 79;

    /// <summary>True for items whose failure alone fails the design.</summary>
    public static bool IsMustHave(GateItem item) =>
        item.Kind is ContradictionItems.Kind or "validation" || item.Id is "review.open-critical-high" or "checklist.requirements" || TraceItems.IsMustHave(item);

    /// <summary>Weight of one item.</summary>
    public static int Weight(GateItem item) => IsMustHave(item) ? 3 : 1;

    /// <summary>0–100.</summary>
    public static int Of(IReadOnlyCollection<GateItem> items)
    {
        if (items.Count == 0)
        {
            return 0;
        }

        var earned = items.Sum(i => Weight(i) * i.Status switch { GateItemStatus.Pass => 1.0, GateItemStatus.Warn => 0.5, _ => 0 });
        var score = (int)Math.Round(100.0 * earned / items.Sum(Weight));
        var failed = items.Where(i => i.Status == GateItemStatus.Fail).ToList();
        return failed.Any(IsMustHave) ? Math.Min(score, MustHaveCap) : failed.Count > 0 ? Math.Min(score, FailCap) : score;
    }
}
