using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Offline;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Traces each existing decision: every technology it names is in the kit or named by the design (an integration
/// with a channel manager, a provider), or a departure records why it was left; a decision that names no technology
/// is kept when the design carries its words.
/// </summary>
internal static class DecisionTrace
{
    public static IEnumerable<TraceRow> Rows(RequirementsModel model, TraceScope scope)
    {
        var exclusions = model.Refusals();
        var i = 0;
        foreach (var decision in model.ExistingDecisions)
        {
            i++;
            var served = new List<string>();
            var departed = new List<string>();
            var missing = new List<string>();
            var notes = new List<string>();
            foreach (var name in decision.Technologies)
            {
                if (exclusions.Any(e => ExistingStack.Mentions(e, name)))
                {
                    // "nobody here wants to run Kafka": the decision is kept by leaving it out.
                    var (status, by, note) = ConstraintTrace.Excludes(name, scope);
                    (status == TraceStatus.Served ? served : missing).AddRange(status == TraceStatus.Served ? by : [name]);
                    notes.Add(note);
                }
                else if ((KitNames.Find(scope.Design, name) ?? KitNames.OnCloud(scope.Design, name)) is { } tech)
                {
                    served.Add($"technology {tech.Name} {tech.Version}".Trim());
                }
                else if (scope.DeparturesNaming(name).Count > 0)
                {
                    departed.Add(name);
                }
                else if (scope.Where((p, _) => ExistingStack.Mentions(p.Text, name)) is { Count: > 0 } places)
                {
                    served.AddRange(places.Take(2));
                }
                else
                {
                    missing.Add(name);
                }
            }

            // "We don't want another identity product": kept when the kit adds no product of the kind it refuses.
            var refusal = decision.Technologies.Count == 0
                ? model.Constraints.FirstOrDefault(c => c.Kind == "exclusion" && (c.Text.Contains(decision.Decision, StringComparison.OrdinalIgnoreCase) || decision.Text.Contains(c.Value, StringComparison.OrdinalIgnoreCase)))
                : null;
            if (refusal is not null)
            {
                var (status, by, note) = ConstraintTrace.Excludes(refusal.Value, scope);
                (status == TraceStatus.Served ? served : missing).AddRange(status == TraceStatus.Served ? by : ["the refusal"]);
                notes.Add(note);
            }
            else if (decision.Technologies.Count == 0)
            {
                var wanted = TraceWords.Content(decision.Decision);
                served.AddRange(scope.Where((_, w) => TraceWords.Overlap(wanted, w) >= 0.5).Take(3));
                if (served.Count == 0)
                {
                    missing.Add("its words");
                }
            }

            yield return new TraceRow
            {
                RequirementId = $"decision-{i}",
                Kind = "decision",
                Requirement = decision.Decision,
                Words = decision.Text,
                Blocking = decision.Technologies.Count > 0 || refusal is not null,
                Status = missing.Count > 0 ? TraceStatus.Unserved : departed.Count > 0 ? TraceStatus.Departed : TraceStatus.Served,
                ServedBy = [.. served.Distinct().Take(6)],
                Note = string.Join("; ", notes.Prepend(missing.Count > 0
                    ? decision.Technologies.Count == 0 && refusal is null ? "no part of the design carries this decision" : $"neither kept nor departed from: {string.Join(", ", missing)}"
                    : departed.Count > 0 ? $"departed from {string.Join(", ", departed)} with a recorded reason" : "").Where(n => n.Length > 0)),
            };
        }
    }
}
