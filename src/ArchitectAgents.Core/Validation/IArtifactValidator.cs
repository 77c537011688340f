using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Validation;

/// <summary>
/// Checks one artifact of the design. Returns <see cref="ValidationOutcome.Skipped"/> with the missing tool
/// named when it cannot run; never <see cref="ValidationOutcome.Passed"/> when nothing was checked.
/// </summary>
public interface IArtifactValidator
{
    /// <summary>Validator name shown in reports.</summary>
    string Name { get; }

    /// <summary>Artifact it checks, for example openapi.yaml.</summary>
    string Artifact { get; }

    /// <summary>Validates the artifact in the given design.</summary>
    Task<ArtifactValidation> ValidateAsync(DesignDocument document, CancellationToken cancellationToken);
}
