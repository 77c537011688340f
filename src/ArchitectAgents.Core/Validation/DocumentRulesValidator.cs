using ArchitectAgents.Core.Document;
using static ArchitectAgents.Core.Validation.ValidationResults;

namespace ArchitectAgents.Core.Validation;

/// <summary>
/// Rules on the design document itself: every technology has a version and a verification entry, every
/// risk a mitigation, every scaling phase a trigger, and the deployment plan a rollback.
/// </summary>
public sealed class DocumentRulesValidator : IArtifactValidator
{
    /// <inheritdoc />
    public string Name => "document-rules";

    /// <inheritdoc />
    public string Artifact => "design.json";

    /// <inheritdoc />
    public Task<ArtifactValidation> ValidateAsync(DesignDocument document, CancellationToken cancellationToken)
    {
        if (document.Design is not { } d)
        {
            return Task.FromResult(From(Artifact, Name, [Error("the design section is missing")]));
        }

        var messages = new List<ValidationMessage>();
        var entries = document.Verification?.Entries ?? [];
        foreach (var tech in d.Technologies)
        {
            if (entries.All(e => e.TechnologyId != tech.Id))
            {
                messages.Add(Error($"technology '{tech.Name}' has no verification entry"));
            }
        }

        messages.AddRange(SectionRules(d).Select(m => Error(m)));
        return Task.FromResult(From(Artifact, Name, messages));
    }

    /// <summary>Rules that the design section must meet on its own, without the rest of the document.</summary>
    public static IEnumerable<string> SectionRules(DesignSection design)
    {
        foreach (var tech in design.Technologies.Where(t => string.IsNullOrWhiteSpace(t.Version)))
        {
            yield return $"technology '{tech.Name}' has no version";
        }

        foreach (var risk in design.Risks.Where(r => string.IsNullOrWhiteSpace(r.Mitigation)))
        {
            yield return $"risk {risk.Id} '{risk.Description}' has no mitigation";
        }

        foreach (var phase in design.Scaling.Where(s => string.IsNullOrWhiteSpace(s.Trigger)))
        {
            yield return $"scaling phase '{phase.Phase}' names no trigger metric";
        }

        if (design.Scaling.Count == 0)
        {
            yield return "the scaling roadmap is empty";
        }

        if (string.IsNullOrWhiteSpace(design.Deployment.Rollback))
        {
            yield return "the deployment plan has no rollback procedure";
        }

        if (design.Technologies.Count == 0)
        {
            yield return "no technologies are recommended";
        }
    }
}
