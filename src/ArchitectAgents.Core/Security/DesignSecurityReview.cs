using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Security;

/// <summary>
/// The review findings computed by code from the design and the brief: per-operation OWASP API checks and
/// instruction-like text in the brief. The offline reviewer starts from them; a model-backed reviewer gets them as
/// findings it may add to but never drop or resolve while the design still shows them.
/// </summary>
public static class DesignSecurityReview
{
    private static readonly IDesignSecurityCheck[] Checks = [new ObjectLevelAuthorisationCheck(), new MassAssignmentCheck(), new CostlyOperationRateLimitCheck()];

    /// <summary>Open findings the document shows now.</summary>
    public static List<Finding> Compute(DesignDocument document)
    {
        var findings = new List<Finding>();
        var n = 0;
        foreach (var passage in InstructionDetector.Find(document.Brief))
        {
            findings.Add(OperationFinding.Open($"{InstructionFinding.Prefix}{++n}", $"{passage.Source} contains {passage.Why}: \"{passage.Text}\"", Severity.High,
                "OWASP LLM01:2025 Prompt Injection; OWASP ASVS 5.0 V1 (encoding and sanitisation of untrusted input)", "Tampering", passage.Source,
                "Treated as untrusted data: not followed, not counted as a requirement, and the checklist ran as usual. Confirm with the requester whether the passage belongs in the brief."));
        }

        if (DesignView.Of(document) is { } view)
        {
            findings.AddRange(Checks.SelectMany(c => c.Find(view)));
        }

        return findings;
    }
}
