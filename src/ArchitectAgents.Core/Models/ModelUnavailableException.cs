namespace ArchitectAgents.Core.Models;

/// <summary>The model provider failed for longer than the retry budget; the run can be resumed later.</summary>
public sealed class ModelUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModelUnavailableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ModelUnavailableException()
    {
    }
}
