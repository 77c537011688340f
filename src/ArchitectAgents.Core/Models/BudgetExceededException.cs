namespace ArchitectAgents.Core.Models;

/// <summary>A model call would go over the run's budget; the run stops with this reason.</summary>
public sealed class BudgetExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BudgetExceededException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public BudgetExceededException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public BudgetExceededException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
