using System.Globalization;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Traces each figure of the brief to the parts of the design that use it: a passage that states its value. A small
/// number ("6") counts only in a passage that also names what it counts ("team of 6 developers"), since small numbers
/// occur everywhere; a budget is used when the cost estimate compares against it.
/// </summary>
internal static class FigureTrace
{
    public static IEnumerable<TraceRow> Rows(RequirementsModel model, TraceScope scope)
    {
        foreach (var figure in model.Figures)
        {
            var what = TraceWords.Of($"{figure.Quantity} {figure.Unit} {figure.AppliesTo}");
            what.ExceptWith(Generic);
            var distinctive = Math.Abs(figure.Value) >= 100 || figure.Value % 1 != 0;
            var served = scope.Where((p, words) => DesignNumbers.States(p.Text, figure.Value) && (distinctive || words.Overlaps(what)));
            if (scope.Design.Cost.BudgetPerMonth is { } budget && DesignNumbers.Same(budget, figure.Value) && FigureUnit.IsMoney(figure.Unit))
            {
                served.Add("design.cost (budget)");
            }

            var label = $"{Value(figure.Value)} {figure.Unit}{(figure.Derived ? " (derived)" : "")}";
            yield return new TraceRow
            {
                RequirementId = figure.Id,
                Kind = "figure",
                Requirement = label,
                Words = figure.Derived ? figure.Derivation ?? figure.Text : figure.Text,
                Status = served.Count > 0 ? TraceStatus.Served : TraceStatus.Unserved,
                // Only a stated load left unused fails the figures item; other counts often just describe the business.
                Blocking = !figure.Derived && FigureUnit.IsLoad(figure.Unit),
                ServedBy = [.. served.Take(6)],
                Note = served.Count > 0 ? $"stated in {served.Count} place(s) of the design" : $"no part of the design uses {label}",
            };
        }
    }

    // Words that say nothing about what is counted ("duration", "amount") do not tie a number to a passage.
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal) { "duration", "amount", "size", "ratio", "rate", "upper", "bound", "lower", "peak", "derived", "second", "minute", "hour", "day", "month", "year" };

    private static string Value(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
