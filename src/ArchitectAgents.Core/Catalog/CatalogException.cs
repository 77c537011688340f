namespace ArchitectAgents.Core.Catalog;

/// <summary>A definition file (agent or workflow) is invalid. The message names the file and the field.</summary>
public sealed class CatalogException : Exception
{
    /// <summary>Creates the exception with a message that names the file and the field.</summary>
    public CatalogException(string message) : base(message) { }

    /// <summary>Creates the exception with an inner cause.</summary>
    public CatalogException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception without a message.</summary>
    public CatalogException() { }
}
