namespace ArchitectAgents.Core.Rendering;

/// <summary>The files a run delivers, by file name.</summary>
public static class DeliverableSet
{
    /// <summary>The full report.</summary>
    public const string Report = "architecture.md";
    /// <summary>The Mermaid diagram.</summary>
    public const string Diagram = "architecture.mmd";
    /// <summary>The API contract.</summary>
    public const string OpenApi = "openapi.yaml";
    /// <summary>The database schema.</summary>
    public const string Schema = "schema.sql";
    /// <summary>The whole design document.</summary>
    public const string Document = "design.json";
    /// <summary>The security review and gate report.</summary>
    public const string Review = "review.md";

    /// <summary>All deliverable names, in the order they are written.</summary>
    public static IReadOnlyList<string> Names { get; } = [Report, Diagram, OpenApi, Schema, Document, Review];
}
