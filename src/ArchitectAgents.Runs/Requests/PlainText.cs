namespace ArchitectAgents.Runs.Requests;

/// <summary>
/// The character rule for text that reaches the agents (brief, attachments, answers): line breaks and tabs are
/// allowed, other control characters (NUL, escape sequences, …) are refused rather than passed to a model or a file.
/// </summary>
public static class PlainText
{
    /// <summary>The message for a field that breaks the rule.</summary>
    public const string Refusal = "contains control characters (only line breaks and tabs are allowed); send plain text";

    /// <summary>True when <paramref name="text"/> contains a control character other than \n, \r and \t.</summary>
    public static bool HasControlCharacters(string text) => text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
}
