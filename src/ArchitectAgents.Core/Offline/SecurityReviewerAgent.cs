using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Security;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Offline security reviewer: checks the design against the baseline controls (OWASP ASVS, API Top 10)
/// and those of every regime in the context, then reads the design itself (<see cref="DesignSecurityReview"/>):
/// object-level authorisation per operation, mass assignment per request schema, rate limits on costly operations,
/// and instruction-like text in the brief. Raises findings for what is missing and resolves earlier findings the
/// design now satisfies.
/// </summary>
public sealed class SecurityReviewerAgent : OfflineAgent
{
    /// <inheritdoc />
    public override string AgentId => "security-reviewer";

    /// <inheritdoc />
    protected override AgentOutput Produce(AgentInput input)
    {
        var context = input.Document.Context ?? throw new InvalidOperationException("security-reviewer needs the context section");
        var design = input.Document.Design ?? throw new InvalidOperationException("security-reviewer needs the design section");
        var previous = input.Document.Review?.Findings.ToDictionary(f => f.Id) ?? [];
        var regimes = new HashSet<string>(context.Compliance) { "baseline" };
        var checker = new ControlChecker(design);
        var findings = new List<Finding>();
        foreach (var control in KnowledgeBase.Default.Controls.Controls.Where(c => regimes.Contains(c.Regime)))
        {
            var satisfied = checker.Satisfied(control);
            previous.TryGetValue(control.Id, out var earlier);
            if (satisfied && earlier is null)
            {
                continue;
            }

            findings.Add(new Finding
            {
                Id = control.Id,
                Title = control.Title,
                Severity = Enum.TryParse<Severity>(control.Severity, ignoreCase: true, out var severity) ? severity : Severity.Medium,
                Standard = control.Standard,
                Regime = control.Regime,
                Stride = control.Stride,
                AffectedSection = control.AffectedSection,
                Recommendation = control.Recommendation,
                Status = satisfied ? FindingStatus.Resolved : FindingStatus.Open,
                RaisedInRound = earlier?.RaisedInRound ?? input.Round,
                ResolvedInRound = satisfied ? earlier?.ResolvedInRound ?? input.Round : null,
            });
        }

        // Findings computed from the design and the brief: what shows now is open, what showed before and is gone is resolved.
        var computed = DesignSecurityReview.Compute(input.Document);
        foreach (var finding in computed)
        {
            finding.RaisedInRound = previous.TryGetValue(finding.Id, out var earlier) ? earlier.RaisedInRound : input.Round;
            findings.Add(finding);
        }

        foreach (var gone in previous.Values.Where(p => IsComputed(p) && computed.All(c => c.Id != p.Id)))
        {
            gone.Status = FindingStatus.Resolved;
            gone.ResolvedInRound ??= input.Round;
            findings.Add(gone);
        }

        var section = new ReviewSection
        {
            Sources = ["design", "knowledge-base:controls.json"],
            Scope = ["OWASP ASVS 5.0", "OWASP API Security Top 10 (2023)", "STRIDE", .. context.Compliance],
            Findings = [.. findings.OrderBy(f => f.Status).ThenByDescending(f => f.Severity).ThenBy(f => f.Id, StringComparer.Ordinal)],
        };
        var open = findings.Count(f => f.Status == FindingStatus.Open);
        var instructions = findings.Count(InstructionFinding.Is);
        var resolved = findings.Count(f => f.Status == FindingStatus.Resolved);
        return Output("done", $"{open} open finding(s) ({instructions} about instructions in the brief), {resolved} resolved, scope: {string.Join(", ", section.Scope)}", (SectionNames.Review, section));
    }

    // Ids of findings computed from the design (API1., API3., API4.) or the brief (INSTRUCTION-); control findings use the control id.
    private static bool IsComputed(Finding f) => InstructionFinding.Is(f) || f.Id.StartsWith("API", StringComparison.Ordinal) && f.Id.Contains('.', StringComparison.Ordinal);
}
