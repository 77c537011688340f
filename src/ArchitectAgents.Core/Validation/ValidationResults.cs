using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Validation;

/// <summary>Builds validation results so every validator reports the same way.</summary>
public static class ValidationResults
{
    /// <summary>Passed when there are no errors, failed otherwise.</summary>
    public static ArtifactValidation From(string artifact, string validator, IReadOnlyList<ValidationMessage> messages) => new()
    {
        Artifact = artifact,
        Validator = validator,
        Outcome = messages.Any(m => m.Level == "error") ? ValidationOutcome.Failed : ValidationOutcome.Passed,
        Messages = [.. messages],
    };

    /// <summary>Nothing was checked; says why.</summary>
    public static ArtifactValidation Skipped(string artifact, string validator, string reason) => new()
    {
        Artifact = artifact,
        Validator = validator,
        Outcome = ValidationOutcome.Skipped,
        SkippedReason = reason,
    };

    /// <summary>An error message.</summary>
    public static ValidationMessage Error(string message, int? line = null, int? column = null) => new() { Level = "error", Message = message, Line = line, Column = column };

    /// <summary>A warning message.</summary>
    public static ValidationMessage Warning(string message, int? line = null, int? column = null) => new() { Level = "warning", Message = message, Line = line, Column = column };
}
