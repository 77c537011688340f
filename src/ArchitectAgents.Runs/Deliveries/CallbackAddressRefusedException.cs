namespace ArchitectAgents.Runs.Deliveries;

/// <summary>A callback target resolves to an address callbacks may not reach.</summary>
public sealed class CallbackAddressRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CallbackAddressRefusedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CallbackAddressRefusedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CallbackAddressRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
