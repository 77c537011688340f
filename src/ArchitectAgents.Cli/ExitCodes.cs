namespace ArchitectAgents.Cli;

/// <summary>The CLI's exit codes.</summary>
internal static class ExitCodes
{
    public const int Done = 0;
    public const int DoneWithIssues = 1;
    public const int BadInput = 2;
    public const int InternalFailure = 3;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT; the run can be resumed.</summary>
    public const int Cancelled = 130;
}

/// <summary>A problem with what the user gave us; printed as one line, exit code 2.</summary>
internal sealed class BadInputException(string message) : Exception(message);
