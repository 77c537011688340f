namespace ArchitectAgents.Models;

/// <summary>How a model is asked for the reply's JSON shape.</summary>
public enum StructuredOutputMode
{
    /// <summary>The provider's JSON Schema response format.</summary>
    Native,

    /// <summary>JSON mode plus the schema in the instructions, for servers without schema support.</summary>
    JsonMode,

    /// <summary>The schema in the instructions only.</summary>
    Instructions,
}
