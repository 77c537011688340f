using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Security;

/// <summary>Builds review findings tied to one operation, schema or passage of the design.</summary>
internal static class OperationFinding
{
    public static Finding Open(string id, string title, Severity severity, string standard, string stride, string section, string recommendation) => new()
    {
        Id = id,
        Title = title,
        Severity = severity,
        Standard = standard,
        Regime = "baseline",
        Stride = stride,
        AffectedSection = section,
        Recommendation = recommendation,
        Status = FindingStatus.Open,
    };
}
