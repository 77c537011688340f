namespace ArchitectAgents.Core.Requirements;

/// <summary>Tells English, French, Spanish and German apart by their commonest function words.</summary>
public static class LanguageDetector
{
    private static readonly Dictionary<string, string[]> Markers = new()
    {
        ["en"] = ["the", "and", "of", "to", "is", "are", "we", "with", "for", "that", "our", "it", "in", "on", "be"],
        ["fr"] = ["le", "la", "les", "et", "des", "du", "nous", "est", "une", "pour", "avec", "sur", "dans", "aux", "qui"],
        ["es"] = ["el", "la", "los", "las", "y", "del", "que", "una", "para", "con", "por", "es", "en", "al", "se"],
        ["de"] = ["der", "die", "das", "und", "ist", "nicht", "mit", "für", "wir", "ein", "eine", "auf", "den", "zu", "im"],
    };

    /// <summary>ISO 639-1 code of the likeliest language, or "und" for text too short or unlike any.</summary>
    public static string Detect(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', '\n', '\t', ',', '.', ';', ':', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4)
        {
            return words.Length == 0 ? "und" : "en";
        }

        var scores = Markers.ToDictionary(m => m.Key, m => words.Count(w => m.Value.Contains(w, StringComparer.Ordinal)));
        var best = scores.OrderByDescending(s => s.Value).First();
        return best.Value * 100 < words.Length * 3 ? "und" : best.Key;
    }

    /// <summary>The language's English name.</summary>
    public static string Name(string code) => code switch
    {
        "en" => "English", "fr" => "French", "es" => "Spanish", "de" => "German", _ => "an undetermined language",
    };
}
