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
            if (string.IsNullOrWhiteSpace(tech.Version))
            {
                messages.Add(Error($"technology '{tech.Name}' has no version"));
            }

            if (entries.All(e => e.TechnologyId != tech.Id))
            {
                messages.Add(Error($"technology '{tech.Name}' has no verification entry"));
            }
        }

        messages.AddRange(d.Risks.Where(r => string.IsNullOrWhiteSpace(r.Mitigation)).Select(r => Error($"risk {r.Id} '{r.Description}' has no mitigation")));
        messages.AddRange(d.Scaling.Where(s => string.IsNullOrWhiteSpace(s.Trigger)).Select(s => Error($"scaling phase '{s.Phase}' names no trigger metric")));
        if (d.Scaling.Count == 0)
        {
            messages.Add(Error("the scaling roadmap is empty"));
        }

        if (string.IsNullOrWhiteSpace(d.Deployment.Rollback))
        {
            messages.Add(Error("the deployment plan has no rollback procedure"));
        }

        if (d.Technologies.Count == 0)
        {
            messages.Add(Error("no technologies are recommended"));
        }

        return Task.FromResult(From(Artifact, Name, messages));
    }
}
