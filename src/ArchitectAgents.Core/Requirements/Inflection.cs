namespace ArchitectAgents.Core.Requirements;

/// <summary>English singular and plural of nouns, for table names and entity names when the tagger gives no lemma, and the past participle of an action for state names.</summary>
public static class Inflection
{
    /// <summary>The singular of a plural noun ("hotels" → "hotel", "categories" → "category"); other words unchanged.</summary>
    public static string Singular(string w) =>
        w.Length <= 3 ? w
        : EsPlurals.Contains(w[..^2]) && w.EndsWith("es", StringComparison.Ordinal) ? w[..^2]
        : w.EndsWith("yses", StringComparison.Ordinal) || w.EndsWith("gnoses", StringComparison.Ordinal) || w.EndsWith("theses", StringComparison.Ordinal) ? w[..^2] + "is"
        : w.EndsWith("ies", StringComparison.Ordinal) ? w[..^3] + "y"
        : w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) ? w[..^2]
        : w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal) ? w[..^1]
        : w;

    // Singulars ending in -s whose plural adds -es ("buses", "statuses"): "houses" and "cases" only drop their -s.
    private static readonly HashSet<string> EsPlurals = new(StringComparer.Ordinal)
    {
        "bus", "status", "campus", "virus", "bonus", "census", "corpus", "focus", "alias", "canvas", "atlas", "gas", "bias",
        "chorus", "syllabus", "prospectus", "apparatus", "nexus", "consensus", "stimulus", "surplus", "lens", "minibus", "trolleybus",
    };

    // Nouns without a plural ("visit data", not "visit datas").
    private static readonly HashSet<string> Uncountable = new(StringComparer.OrdinalIgnoreCase)
    {
        "data", "metadata", "staff", "equipment", "information", "feedback", "software", "media", "news", "audio", "advice",
    };

    /// <summary>The plural of a singular noun; a noun without one unchanged.</summary>
    public static string Plural(string w) =>
        Uncountable.Contains(w.Split(' ')[^1]) ? w
        : w.EndsWith('y') && w.Length > 1 && !"aeiou".Contains(w[^2], StringComparison.Ordinal) ? w[..^1] + "ies"
        : w.EndsWith('s') || w.EndsWith('x') || w.EndsWith("ch", StringComparison.Ordinal) || w.EndsWith("sh", StringComparison.Ordinal) ? w + "es"
        : w + "s";

    /// <summary>
    /// The past participle of an action, for lifecycle states and their columns ("approve" → "approved", "put on hold" →
    /// "put on hold", "check in" → "checked in"): the first word is inflected, the rest kept.
    /// </summary>
    public static string Participle(string action)
    {
        var space = action.IndexOf(' ', StringComparison.Ordinal);
        var (v, rest) = space < 0 ? (action, "") : (action[..space], action[space..]);
        var p = v switch
        {
            "hold" => "held", "pay" => "paid", "send" => "sent", "put" => "put", "set" => "set", "open" => "open", "sell" => "sold", "buy" => "bought",
            "submit" => "submitted", "ship" => "shipped", "cancel" => "cancelled", "refer" => "referred", "transfer" => "transferred",
            _ when v.EndsWith('e') => v + "d",
            _ => v + "ed",
        };
        return p + rest;
    }
}
