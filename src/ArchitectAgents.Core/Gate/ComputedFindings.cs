using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Security;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// The merge rule for gate and review sections written by any agent, model or offline: the findings computed by code
/// are inputs the agent cannot override. A model may add items and findings, never remove or soften computed ones:
/// a computed gate item replaces the model's item of the same id, a failing one turns a pass into revise (or fail
/// when no round is left), and the score never exceeds the measured one; a computed review finding stays open.
/// </summary>
public static class ComputedFindings
{
    /// <summary>The sections to apply and the outcome to route on.</summary>
    public static (IReadOnlyDictionary<string, SectionBase> Sections, string Outcome) Enforce(DesignDocument input, IReadOnlyDictionary<string, SectionBase> sections, string outcome, int? revisionsLeft)
    {
        var result = new Dictionary<string, SectionBase>(sections, StringComparer.Ordinal);
        if (result.TryGetValue(SectionNames.Gate, out var g) && g is GateSection gate && input.Design is not null)
        {
            var computed = ComputedGate.Of(input);
            gate.Traceability = computed.Traceability;
            outcome = EnforceGate(gate, [.. computed.Items], revisionsLeft) ?? outcome;
        }

        if (result.TryGetValue(SectionNames.Review, out var r) && r is ReviewSection review)
        {
            EnforceReview(review, DesignSecurityReview.Compute(input));
        }

        return (result, outcome);
    }

    private static string? EnforceGate(GateSection gate, List<GateItem> computed, int? revisionsLeft)
    {
        foreach (var item in computed)
        {
            var at = gate.Items.FindIndex(i => i.Id == item.Id);
            if (at >= 0)
            {
                gate.Items[at] = item;
            }
            else
            {
                gate.Items.Add(item);
            }
        }

        gate.Score = Math.Min(gate.Score, GateScore.Of(gate.Items));
        var failing = computed.Where(i => i.Status == GateItemStatus.Fail).Select(i => i.Id).ToList();
        if (failing.Count == 0 || gate.Verdict == GateVerdict.Fail)
        {
            return gate.Verdict == GateVerdict.Fail ? "fail" : null;
        }

        gate.Verdict = (revisionsLeft ?? 0) > 0 ? GateVerdict.Revise : GateVerdict.Fail;
        if (gate.Verdict == GateVerdict.Revise)
        {
            gate.SentBack = [.. gate.SentBack.Union(failing, StringComparer.Ordinal)];
        }

        gate.Summary = $"{gate.Summary} Computed checks failed ({string.Join(", ", failing)}): verdict {gate.Verdict.ToString().ToLowerInvariant()}.".Trim();
        return gate.Verdict.ToString().ToLowerInvariant();
    }

    private static void EnforceReview(ReviewSection review, List<Finding> computed)
    {
        foreach (var finding in computed)
        {
            var existing = review.Findings.FirstOrDefault(f => f.Id == finding.Id);
            if (existing is null)
            {
                review.Findings.Add(finding);
            }
            else if (existing.Status != FindingStatus.Open || existing.Severity < finding.Severity)
            {
                // The design still shows it: it is open at no less than the computed severity, whatever the reply said.
                existing.Status = FindingStatus.Open;
                existing.ResolvedInRound = null;
                existing.Severity = (Severity)Math.Max((int)existing.Severity, (int)finding.Severity);
            }
        }
    }
}
