using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Offline;

/// <summary>Word matching between the brief's technology names ("Ruby on Rails 7", "Oracle 19c") and catalogue names.</summary>
internal static partial class ExistingStack
{
    /// <summary>True when <paramref name="text"/> contains <paramref name="word"/> as a whole word, case-insensitive.</summary>
    public static bool Mentions(string text, string word) =>
        word.Length > 0 && Regex.IsMatch(text, $@"(?<![\w.]){Regex.Escape(word)}(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The version the brief states right after the name ("Java 21" → 21, "Oracle 19c" → 19c, "Rails 7" → 7), or null.</summary>
    public static string? StatedVersion(string text, string word)
    {
        var m = Regex.Match(text, $@"(?<![\w.]){Regex.Escape(word)}\s*v?(\d{{1,3}}(?:\.\d+){{0,2}}[a-z]?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return m.Success ? m.Groups[1].Value : null;
    }
}
