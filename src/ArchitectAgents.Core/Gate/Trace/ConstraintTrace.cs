using System.Globalization;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Offline;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Traces each constraint by what honouring it means for its kind: the stated cloud, stack, identity or payment
/// provider is in the kit (or departed from with a reason); a region, residency or regime is named where the design
/// places data or lists its controls; the cost estimate is within the budget (an overrun fails, named as a risk or not); an excluded
/// product is not in the kit; an invariant or deadline is carried by the design's own words.
/// </summary>
internal static class ConstraintTrace
{
    public static IEnumerable<TraceRow> Rows(RequirementsModel model, TraceScope scope)
    {
        // A product the brief rules out is never expected in the kit, whichever other constraint also names it.
        var exclusions = model.Refusals();
        var i = 0;
        foreach (var constraint in model.Constraints)
        {
            i++;
            var (status, servedBy, note) = constraint.Kind switch
            {
                "budget" => Budget(scope.Design.Cost, scope),
                "exclusion" => Exclusion(constraint, scope),
                "stack" or "cloud" or "identity" or "payments" or "hosting" => Named(constraint, scope, exclusions),
                "team" => Mentioned(NumberOnly(constraint.Value), scope, "the team size"),
                _ => Mentioned(constraint.Value, scope, constraint.Kind),
            };
            yield return new TraceRow
            {
                RequirementId = $"{(constraint.Kind == "compliance" ? "compliance" : "constraint")}-{i}",
                Kind = constraint.Kind == "compliance" ? "compliance" : "constraint",
                Requirement = $"{constraint.Kind}: {constraint.Value}",
                Words = constraint.Text,
                Status = status,
                ServedBy = [.. servedBy.Take(6)],
                Note = note,
            };
        }
    }

    // Each product or provider the constraint names is in the kit, or a departure says why not.
    private static (TraceStatus, List<string>, string) Named(Constraint c, TraceScope scope, IReadOnlyList<string> exclusions)
    {
        var names = KitNames.Listed(c.Value);
        var served = new List<string>();
        var departed = new List<string>();
        var missing = new List<string>();
        foreach (var name in names.Where(n => !Excluded(n, exclusions)))
        {
            if ((KitNames.Find(scope.Design, name) ?? (c.Kind == "cloud" ? KitNames.OnCloud(scope.Design, name) : null)) is { } tech)
            {
                served.Add($"technology {tech.Name} {tech.Version}".Trim());
            }
            else if (scope.Where((p, _) => !p.Location.StartsWith("design.departures", StringComparison.Ordinal) && ExistingStack.Mentions(p.Text, name)) is { Count: > 0 } places)
            {
                served.AddRange(places);
            }
            else if (scope.DeparturesNaming(name).Count > 0)
            {
                departed.Add(name);
            }
            else
            {
                missing.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            return (TraceStatus.Unserved, served, $"not in the kit and no departure names it: {string.Join(", ", missing)}");
        }

        return departed.Count > 0
            ? (TraceStatus.Departed, served, $"departed from {string.Join(", ", departed)} with a recorded reason")
            : (TraceStatus.Served, served, "");
    }

    private static (TraceStatus, List<string>, string) Budget(CostEstimate cost, TraceScope scope)
    {
        if (cost.Lines.Count > 0 && cost.BudgetPerMonth is null && cost.BudgetStated is { Length: > 0 } stated
            && cost.Assumptions.FirstOrDefault(a => a.Contains("without a figure", StringComparison.Ordinal)) is { } why)
        {
            // A budget without a figure cannot be met or missed: the estimate is stated and the choice to keep it low explained, flagged for its owners.
            var index = cost.Assumptions.IndexOf(why);
            return (TraceStatus.Flagged, ["design.cost", $"design.cost.assumptions[{index}]"], $"the brief gives no figure ('{stated}'); the estimate of {cost.TotalPerMonth.ToString("#,0", CultureInfo.InvariantCulture)} {cost.Currency}/month is stated for its owners to check");
        }

        if (cost.Lines.Count == 0 || cost.BudgetPerMonth is null)
        {
            return (TraceStatus.Unserved, [], cost.Lines.Count == 0 ? "no cost estimate to compare with the budget" : "the cost estimate does not compare against the stated budget");
        }

        var total = $"{cost.TotalPerMonth.ToString("#,0", CultureInfo.InvariantCulture)} {cost.Currency}/month against {cost.BudgetPerMonth.Value.ToString("#,0", CultureInfo.InvariantCulture)}";
        if (!cost.OverBudget)
        {
            return (TraceStatus.Served, ["design.cost"], $"estimate {total}");
        }

        // Naming the overrun as a risk is honest, but the brief's limit is still broken: it does not count as kept.
        var risks = scope.Where((p, w) => p.Location.StartsWith("design.risks", StringComparison.Ordinal) && (w.Contains("budget") || w.Contains("cost")));
        return (TraceStatus.Unserved, ["design.cost", .. risks], risks.Count > 0
            ? $"over budget ({total}); a risk names the overrun, but the estimate still exceeds the stated budget"
            : $"over budget ({total}) and no risk says so");
    }

    private static (TraceStatus, List<string>, string) Exclusion(Constraint c, TraceScope scope) =>
        Excludes(c.Value.StartsWith("not ", StringComparison.OrdinalIgnoreCase) ? c.Value[4..].Trim() : c.Value, scope);

    // Kinds of product a refusal names without naming a product ("another identity product", "a message broker"), by catalogue category.
    private static readonly (string Word, string Category)[] RefusedKinds =
    [
        ("identity", "auth"), ("sign-in", "auth"), ("login", "auth"), ("broker", "queue"), ("queue", "queue"), ("cache", "cache"),
        ("kubernetes", "container-orchestration"), ("cluster", "container-orchestration"), ("search", "search"), ("stream", "stream"),
    ];

    /// <summary>
    /// A refusal is honoured when the kit has no product it rules out: the one it names ("run Kafka"), or for a kind of
    /// product ("another identity product") any of that kind the brief does not already run.
    /// </summary>
    internal static (TraceStatus, List<string>, string) Excludes(string excluded, TraceScope scope)
    {
        if (KitNames.Find(scope.Design, excluded) is { } tech)
        {
            return (TraceStatus.Unserved, [$"technology {tech.Name}"], $"the kit includes {tech.Name}, which the brief rules out");
        }

        var brief = scope.BriefText;
        var refused = RefusedKinds.Where(k => ExistingStack.Mentions(excluded, k.Word)).ToList();
        var kinds = refused.Select(k => k.Category).ToHashSet(StringComparer.Ordinal);
        var kind = string.Join("/", refused.Select(k => k.Word));
        var ofKind = scope.Design.Technologies.Where(t => kinds.Contains(t.Category)).ToList();
        var added = ofKind.Where(t => !KitFitter.Names(Knowledge.KnowledgeBase.Default.Technology(t.Id) ?? new() { Name = t.Name }).Append(t.Name).Any(n => ExistingStack.Mentions(brief, n))).ToList();
        return added.Count > 0
            ? (TraceStatus.Unserved, [.. added.Select(t => $"technology {t.Name}")], $"the kit adds {string.Join(", ", added.Select(t => t.Name))}, a {kind} product the brief does not run, though it rules out '{excluded}'")
            : ofKind.Count > 0
                ? (TraceStatus.Served, ["design.technologies"], $"the kit's only {kind} product is {string.Join(", ", ofKind.Select(t => t.Name))}, which the brief already runs")
                : (TraceStatus.Served, ["design.technologies"], $"nothing the brief rules out ('{excluded}') is in the kit");
    }

    // The constraint's words are carried by a passage of the design (half of its content words, at least one).
    private static (TraceStatus, List<string>, string) Mentioned(string value, TraceScope scope, string what)
    {
        var wanted = TraceWords.Content(value);
        var numbers = DesignNumbers.In(value);
        // Short values ("EU", "UK") have no content word of three letters: the value itself must then appear.
        var served = scope.Where((p, w) => (wanted.Count > 0 && TraceWords.Overlap(wanted, w) >= 0.5 || ExistingStack.Mentions(p.Text, value.Trim())) && numbers.All(n => DesignNumbers.States(p.Text, n)));
        return served.Count > 0
            ? (TraceStatus.Served, served, "")
            : (TraceStatus.Unserved, [], $"no part of the design names {what} '{value}'");
    }

    private static bool Excluded(string name, IReadOnlyList<string> exclusions) => exclusions.Any(e => ExistingStack.Mentions(e, name));

    private static string NumberOnly(string value) => new([.. value.TakeWhile(ch => !char.IsLetter(ch))]);
}
