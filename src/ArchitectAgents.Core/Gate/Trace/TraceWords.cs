using System.Text.RegularExpressions;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Word matching for the trace: lower-case singular stems of a text's words, splitting paths, kebab, snake and camel
/// case ("/v1/leave-requests/{id}/approve", "approveLeaveRequest"), so a use case's nouns can be found in the
/// contract whatever its naming style.
/// </summary>
internal static partial class TraceWords
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "from", "into", "onto", "their", "them", "they", "its", "our", "your", "his", "her",
        "all", "any", "each", "every", "some", "this", "that", "these", "those", "new", "own", "per", "via", "out",
        "one", "two", "more", "than", "about", "over", "under", "not", "can", "will", "must", "should", "may",
    };

    /// <summary>The stems of the words of <paramref name="text"/>.</summary>
    public static HashSet<string> Of(string? text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            set.Add(word);
        }

        return set;
    }

    /// <summary>The stems in order, fillers and one- and two-letter words left out.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        // camelCase and PascalCase split into words before lower-casing.
        var split = CamelBoundary().Replace(text, " ");
        foreach (Match m in Word().Matches(split))
        {
            var w = m.Value.ToLowerInvariant();
            if (w.Length >= 3 && !Filler.Contains(w))
            {
                yield return Inflection.Singular(w);
            }
        }
    }

    /// <summary>The content stems of a phrase, its head (last) word last.</summary>
    public static List<string> Content(string? phrase) => [.. Words(phrase)];

    /// <summary>Two words of four letters or more where one begins the other ("reserv" and "reservation"): one word in another inflection.</summary>
    public static bool SameStem(string a, string b) =>
        a.Length >= 4 && b.Length >= 4 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal));

    /// <summary>Share of <paramref name="wanted"/> found in <paramref name="have"/>, 0 when nothing is wanted.</summary>
    public static double Overlap(IReadOnlyCollection<string> wanted, IReadOnlySet<string> have) =>
        wanted.Count == 0 ? 0 : (double)wanted.Count(have.Contains) / wanted.Count;

    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})")]
    private static partial Regex CamelBoundary();

    [GeneratedRegex(@"\p{L}[\p{L}\p{Nd}]*")]
    private static partial Regex Word();
}
