namespace ArchitectAgents.Core.Verification;

/// <summary>A source (context7, a registry, the advisory API) could not give a usable answer; the message says why.</summary>
public sealed class VerificationSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VerificationSourceException()
    {
    }

    /// <summary>Creates the exception with the reason.</summary>
    public VerificationSourceException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and its cause.</summary>
    public VerificationSourceException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
