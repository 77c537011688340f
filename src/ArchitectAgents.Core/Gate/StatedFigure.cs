namespace ArchitectAgents.Core.Gate;

/// <summary>A figure a passage states: which one (RPO, RTO, availability), its value in a common unit, and where.</summary>
/// <param name="Figure">RPO, RTO or availability.</param>
/// <param name="Value">Minutes for RPO/RTO, percent for availability.</param>
/// <param name="Text">The words that state it.</param>
/// <param name="Location">Where they are.</param>
public sealed record StatedFigure(string Figure, double Value, string Text, string Location);
