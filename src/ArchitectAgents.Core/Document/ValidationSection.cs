using System.Text.Json.Serialization;

namespace ArchitectAgents.Core.Document;

/// <summary>Results of validating each artifact.</summary>
public sealed class ValidationSection : SectionBase
{
    /// <summary>One result per artifact and validator.</summary>
    public List<ArtifactValidation> Results { get; set; } = [];
}

/// <summary>Outcome of one validator on one artifact.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValidationOutcome>))]
public enum ValidationOutcome
{
    /// <summary>The validator ran and found nothing wrong.</summary>
    [JsonStringEnumMemberName("passed")] Passed,
    /// <summary>The validator ran and found errors.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
    /// <summary>The validator could not run; nothing was checked.</summary>
    [JsonStringEnumMemberName("skipped")] Skipped,
}

/// <summary>What one validator said about one artifact.</summary>
public sealed class ArtifactValidation
{
    /// <summary>Artifact file name, for example openapi.yaml.</summary>
    public string Artifact { get; set; } = "";

    /// <summary>Validator name.</summary>
    public string Validator { get; set; } = "";

    /// <summary>Passed, failed or skipped.</summary>
    public ValidationOutcome Outcome { get; set; }

    /// <summary>Why it was skipped, when it was.</summary>
    public string? SkippedReason { get; set; }

    /// <summary>Errors and warnings.</summary>
    public List<ValidationMessage> Messages { get; set; } = [];
}

/// <summary>One error or warning with its position.</summary>
public sealed class ValidationMessage
{
    /// <summary>error or warning.</summary>
    public string Level { get; set; } = "error";

    /// <summary>1-based line, when known.</summary>
    public int? Line { get; set; }

    /// <summary>1-based column, when known.</summary>
    public int? Column { get; set; }

    /// <summary>What is wrong, in words a person can act on.</summary>
    public string Message { get; set; } = "";
}
