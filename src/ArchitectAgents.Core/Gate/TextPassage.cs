namespace ArchitectAgents.Core.Gate;

/// <summary>A piece of text of the document and where a reader finds it, for example "design.deployment.disasterRecovery".</summary>
/// <param name="Location">Where it is, in section.field form.</param>
/// <param name="Text">The text.</param>
public sealed record TextPassage(string Location, string Text);
