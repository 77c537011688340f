using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Offline;

/// <summary>The architecture patterns the offline designer chooses between (the persona's pattern table).</summary>
internal enum PatternKind
{
    ModularMonolith,
    EventDrivenMonolith,
    CqrsMonolith,
    Serverless,
    EdgeEventDriven,
    Microservices,
}

/// <summary>A chosen pattern with its reasons and the alternatives it beat.</summary>
internal sealed record PatternDecision(PatternKind Kind, string Pattern, string Reason, IReadOnlyList<Alternative> Alternatives);
