using System.Text;
using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// A word-by-word English gloss of a sentence in another language, from the small per-language word lists in
/// <c>reading.json</c> ("glossaries"): multiword terms first ("liste d'attente" → "waitlist"), then single words;
/// a verb form not listed is reduced to its infinitive by the language's ending rules ("ajustan" → "ajustar") and
/// looked up again. Words the list does not know (names, products, numbers) are kept as written. The gloss keeps
/// the source's word order ("el plan de taller" → "the plan of workshop"), which the English reader handles
/// through "of" phrases; it is good enough for roles, actions and things, not for prose.
/// </summary>
public sealed partial class Glossary
{
    private readonly Dictionary<string, string> _words;
    private readonly List<(string From, string To)> _phrases;
    private readonly List<(string Suffix, string Replacement)> _endings;

    /// <summary>A glossary over its word list and ending rules.</summary>
    public Glossary(IReadOnlyDictionary<string, string> words, IReadOnlyList<(string Suffix, string Replacement)> endings)
    {
        _words = words.Where(w => !w.Key.Contains(' ', StringComparison.Ordinal) && !w.Key.Contains('\'', StringComparison.Ordinal))
            .ToDictionary(w => w.Key, w => w.Value, StringComparer.OrdinalIgnoreCase);
        _phrases = [.. words.Where(w => w.Key.Contains(' ', StringComparison.Ordinal) || w.Key.Contains('\'', StringComparison.Ordinal))
            .OrderByDescending(w => w.Key.Length).Select(w => (w.Key, w.Value))];
        _endings = [.. endings.OrderByDescending(e => e.Suffix.Length)];
    }

    /// <summary>The sentence glossed into English words.</summary>
    public string Gloss(string sentence)
    {
        // Multiword terms are replaced by placeholders first, so their words are not glossed again one by one.
        var text = sentence.Replace('’', '\'');
        var held = new List<string>();
        foreach (var (from, to) in _phrases)
        {
            if (text.Contains(from, StringComparison.OrdinalIgnoreCase))
            {
                text = Regex.Replace(text, @"(?<![\p{L}])" + Regex.Escape(from) + @"(?![\p{L}])", _ =>
                {
                    held.Add(to);
                    return $"\u0001{held.Count - 1}\u0001";
                }, RegexOptions.IgnoreCase);
            }
        }

        var result = new StringBuilder();
        var last = 0;
        foreach (Match m in Word().Matches(text))
        {
            result.Append(text, last, m.Index - last);
            result.Append(Word(m.Value));
            last = m.Index + m.Length;
        }

        result.Append(text, last, text.Length - last);
        var glossed = Held().Replace(result.ToString(), m => held[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
        return Spaces().Replace(glossed, " ").Trim();
    }

    private string Word(string word)
    {
        // "d'attente", "l'été", "qu'il": an elided article or pronoun is glossed apart from its word.
        var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe > 0 && apostrophe < word.Length - 1 && _words.TryGetValue(word[..(apostrophe + 1)], out var elided))
        {
            return (elided.Length > 0 ? elided + " " : "") + Word(word[(apostrophe + 1)..]);
        }

        if (_words.TryGetValue(word, out var english))
        {
            return Cased(word, english);
        }

        foreach (var (suffix, replacement) in _endings)
        {
            // An ending rule whose replacement starts with "+" marks a plural noun: the English word is made plural.
            var plural = replacement.StartsWith('+');
            var stem = word[..^Math.Min(suffix.Length, word.Length)] + replacement.TrimStart('+');
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && _words.TryGetValue(stem, out var found) && found.Length > 0)
            {
                return Cased(word, plural && !found.Contains(' ', StringComparison.Ordinal) ? Inflection.Plural(found) : plural ? found + "s" : found);
            }
        }

        return word;
    }

    private static string Cased(string source, string english) =>
        english.Length > 0 && char.IsUpper(source[0]) && source.Skip(1).All(c => !char.IsUpper(c)) ? char.ToUpperInvariant(english[0]) + english[1..] : english;

    [GeneratedRegex(@"[\p{L}][\p{L}'\-]*")]
    private static partial Regex Word();

    [GeneratedRegex("\u0001(\\d+)\u0001")]
    private static partial Regex Held();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
