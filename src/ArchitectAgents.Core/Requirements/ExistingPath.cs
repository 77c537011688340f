using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// A use case the brief says already happens through an existing interface ("the warehouse system updates it through
/// an existing internal API"): it is kept as it is, so the design adds no operation of its own for it.
/// </summary>
public static partial class ExistingPath
{
    /// <summary>The brief's words that say the use case runs through an existing interface, or null.</summary>
    public static string? Of(UseCase useCase)
    {
        var match = Through().Match(useCase.Text);
        if (!match.Success || useCase.Actor.Equals("System", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Said of this actor: its head word comes before the phrase in the same sentence.
        var head = useCase.Actor.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var at = useCase.Text.IndexOf(Inflection.Singular(head), StringComparison.OrdinalIgnoreCase);
        return at >= 0 && at < match.Index ? match.Value.Trim() : null;
    }

    [GeneratedRegex(@"\b(?:through|via|over|using)\s+(?:an?\s+|its\s+|the\s+|our\s+|their\s+)?existing\s+(?:[\w-]+\s+){0,2}(?:API|interface|integration|endpoint|feed)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Through();
}
