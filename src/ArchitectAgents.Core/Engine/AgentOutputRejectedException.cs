namespace ArchitectAgents.Core.Engine;

/// <summary>An agent returned output the engine refuses: a section it may not write, or content that does not parse.</summary>
public sealed class AgentOutputRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AgentOutputRejectedException(string message) : base(message) { }

    /// <summary>Creates the exception with a cause.</summary>
    public AgentOutputRejectedException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception without a message.</summary>
    public AgentOutputRejectedException() { }
}
