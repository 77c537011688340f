using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// A stated "before" rule on a use case is an ordering the design must enforce, not a separate call. When a team or
/// system does it to what a person creates ("Fraud &amp; AML screens every transfer before funds are released"), it is a
/// synchronous check inside that create, within the latency target the brief sets for it, failing closed: the record
/// is held and nothing irreversible happens until the check clears it. When a person must do it before another of
/// their use cases ("new users pass KYC before their first send"), it is a precondition of that use case's operation.
/// </summary>
internal static class PreChecks
{
    private static readonly string[] HoldColumns = ["held_at", "held_reason"];

    /// <summary>The checks and preconditions the use cases state, each with the use case it guards.</summary>
    public static List<PreCheck> Of(RequirementsModel model, IReadOnlyList<EntityInfo> entities)
    {
        var lexicon = ReadingLexicon.Default;
        var result = new List<PreCheck>();
        foreach (var check in model.UseCases.Where(u => u.Rule is { } r && r.StartsWith("before ", StringComparison.OrdinalIgnoreCase)))
        {
            var byPerson = check.Actor != "System" && model.Actors.FirstOrDefault(a => a.Name.Equals(check.Actor, StringComparison.OrdinalIgnoreCase))?.Kind is null or "person";
            var others = model.UseCases.Where(u => u != check && u.Actor != "System" && lexicon.OperationKind(u) is "create" or "transition").ToList();
            UseCase? guarded;
            if (byPerson)
            {
                // "before their first send": the person's own later use case whose verb the rule names.
                var ruleWords = TraceWords.Content(check.Rule![7..]);
                guarded = others.FirstOrDefault(u => TraceWords.Content(u.Action).Any(a => ruleWords.Any(w => w == a || TraceWords.SameStem(w, a))));
            }
            else
            {
                // "scores every application before it is approved": the use case on the thing checked that the rule
                // names (approve), else its create ("screens every transfer before funds are released").
                var target = DomainEntities.Of(check, entities);
                var ruleWords = TraceWords.Content(check.Rule![7..]);
                var same = target is null ? [] : others.Where(u => DomainEntities.Of(u, entities) == target).ToList();
                guarded = same.FirstOrDefault(u => TraceWords.Content(u.Action).Any(a => ruleWords.Any(w => w == a || TraceWords.SameStem(w, a))))
                    ?? same.FirstOrDefault(u => lexicon.OperationKind(u) == "create");
            }

            if (guarded is not null)
            {
                result.Add(new PreCheck(check, guarded, byPerson, Budget(model, check)));
            }
        }

        return result;
    }

    /// <summary>
    /// Gives the guarded thing the state a failed-closed check leaves it in: "held" among its statuses, with when and
    /// why, so the hold is data a retry or a reviewer can act on rather than a log line.
    /// </summary>
    public static void Apply(IReadOnlyList<EntityInfo> entities, IReadOnlyList<PreCheck> checks)
    {
        foreach (var entity in checks.Where(c => !c.ByPerson).Select(c => DomainEntities.OperatedOn(c.Guarded, entities)).OfType<EntityInfo>().Distinct())
        {
            var status = entity.Columns.FirstOrDefault(c => c.Name == "status");
            if (status is null)
            {
                entity.Columns.Add(new EntityColumn { Name = "status", Type = "text", Default = "'held'", Check = "status IN ('held','cleared','refused')" });
            }
            else if (status.Check is { } check && check.StartsWith("status IN (", StringComparison.Ordinal) && !check.Contains("'held'", StringComparison.Ordinal))
            {
                // After the first state: a new record waits in "held" until the check clears it.
                var first = check.IndexOf(',', StringComparison.Ordinal) is var comma and > 0 ? comma : check.LastIndexOf(')');
                // A copy: the column may be a knowledge-base template's, shared by every run of the process.
                var held = status.Copy();
                held.Check = check.Insert(first, ",'held'");
                entity.Columns[entity.Columns.IndexOf(status)] = held;
            }

            foreach (var column in HoldColumns.Where(n => entity.Columns.All(c => c.Name != n)))
            {
                entity.Columns.Add(new EntityColumn { Name = column, Type = column.EndsWith("_at", StringComparison.Ordinal) ? "timestamptz" : "text", Nullable = true });
            }
        }
    }

    /// <summary>
    /// Draws each team's check as a synchronous call from the service that owns the guarded thing to the component
    /// of the team that checks ("Payment rails service → Fraud &amp; AML service: synchronous pre-check"), and says so in
    /// the owner's responsibility; without a component of its own the check runs in the owner.
    /// </summary>
    public static void Connect(ComponentPlan plan, IReadOnlyList<PreCheck> checks, IReadOnlyList<EntityInfo> entities, string service)
    {
        foreach (var check in checks.Where(c => !c.ByPerson))
        {
            var target = DomainEntities.OperatedOn(check.Guarded, entities);
            var owner = plan.Components.FirstOrDefault(c => target?.OwnedBy is { } o && c.Name == o) ?? plan.Components.FirstOrDefault(c => c.Id == service);
            var actor = TraceWords.Content(check.Check.Actor);
            var checker = plan.Components.Where(c => c.Kind is "service" or "external" or "worker" && c != owner)
                .FirstOrDefault(c => TraceWords.Content(c.Name).Any(w => actor.Contains(w)));
            if (owner is null)
            {
                continue;
            }

            var budget = check.BudgetText is { } b ? $", {b}" : "";
            if (checker is not null)
            {
                plan.Connect(owner.Id, checker.Id, $"synchronous pre-check: {check.Check.Action} {check.Check.Object}{budget}, fail closed");
            }

            owner.Responsibility = $"{owner.Responsibility.TrimEnd('.')}. Holds each {check.Check.Object} until {(checker is null ? $"the {check.Check.Actor.ToLowerInvariant()}" : checker.Name + "'s")} {check.Check.Action} check clears it ({check.Check.Rule}){budget}; a refused, failed or timed-out check keeps it held (fail closed).";
        }
    }

    /// <summary>The risk a synchronous check brings: the guarded operation waits on it and must not release anything when it fails.</summary>
    public static void AddRisks(DesignSection design, IReadOnlyList<PreCheck> checks)
    {
        foreach (var check in checks.Where(c => !c.ByPerson))
        {
            var budget = check.BudgetText is { } b ? $"its stated {b}" : "a timeout below the operation's own latency target";
            design.Risks.Add(new Risk
            {
                Id = $"risk-pre-check-{check.Check.Id}",
                Description = $"{check.Words} sits in the path of {check.Guarded.Actor.ToLowerInvariant()} {check.Guarded.Action} {check.Guarded.Object}: when it is slow or down, either every {check.Guarded.Action} stalls or, worse, something is released unchecked.",
                Likelihood = "medium",
                Impact = "high",
                Mitigation = $"Call it synchronously with {budget} as the timeout and a circuit breaker; on refusal, error or timeout fail closed (hold the {check.Check.Object}, release nothing) and clear holds by retry or manual review; alert on the hold rate and on the check's latency against the budget.",
            });
        }
    }

    // The latency target whose scope names the check ("A fraud decision must come back within 150 ms p99" for
    // "Fraud & AML screens every transfer"): the time the guarded operation can spend waiting for it.
    private static QualityTarget? Budget(RequirementsModel model, UseCase check)
    {
        var words = TraceWords.Content($"{check.Actor} {check.Action}");
        return model.QualityTargets.FirstOrDefault(q => q.Attribute == "latency" && q.Value is > 0
            && TraceWords.Content($"{q.Scope} {q.Text}").Any(w => words.Any(c => c == w || TraceWords.SameStem(c, w))));
    }
}

/// <summary>A use case that must happen before another: a synchronous check by a team or system, or a person's precondition.</summary>
internal sealed record PreCheck(UseCase Check, UseCase Guarded, bool ByPerson, QualityTarget? Budget)
{
    /// <summary>The check in the brief's words: "Fraud &amp; AML screen transfer (before funds are released)".</summary>
    public string Words => $"{Check.Actor} {Check.Action} {Check.Object} ({Check.Rule})";

    /// <summary>What waits for the check, in the rule's words: "funds are released" for "before funds are released".</summary>
    public string Waits => Check.Rule is { Length: > 7 } r ? r[7..] : "it completes";

    /// <summary>The stated budget ("150 ms p99"), or null.</summary>
    public string? BudgetText => Budget is { Value: { } v } b ? $"{v:0.##} {b.Unit} {b.Percentile}".TrimEnd() : null;
}
