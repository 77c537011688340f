using System.Globalization;
using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Numbers as people write them in English, German, French and Spanish briefs: "2,600", "1,5 Mio", "200.000",
/// "2 000", "12k", "2,3 millones", "1.2M", "three", "tres". A separator followed by exactly three digits groups
/// thousands; any other separator is the decimal mark, whatever the brief's language.
/// </summary>
public static partial class NumberWords
{
    /// <summary>Regex fragment: a number (group <c>num</c>) with an optional multiplier (group <c>mult</c>).</summary>
    public const string Pattern =
        @"(?<num>\d{1,3}(?:(?:,|\.|[ \u00A0\u202F](?=\d{3}(?!\d)))\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s?(?<mult>k|K|M(?![a-zA-Z])|Mio\.?|Mrd\.?|bn|millions?|millones|millón|thousand|billion|mil(?![a-zA-Z])))?(?![\d])";

    private static readonly Dictionary<string, double> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["a dozen"] = 12, ["twenty"] = 20,
        ["un"] = 1, ["une"] = 1, ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5, ["sept"] = 7, ["huit"] = 8, ["neuf"] = 9, ["dix"] = 10,
        ["uno"] = 1, ["una"] = 1, ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5, ["seis"] = 6, ["siete"] = 7, ["ocho"] = 8, ["nueve"] = 9, ["diez"] = 10,
        ["ein"] = 1, ["eine"] = 1, ["zwei"] = 2, ["drei"] = 3, ["vier"] = 4, ["fünf"] = 5, ["sechs"] = 6, ["sieben"] = 7, ["acht"] = 8, ["neun"] = 9, ["zehn"] = 10,
    };

    /// <summary>Regex fragment matching a number written as a word (group <c>word</c>).</summary>
    public static string WordPattern { get; } = @"(?<word>\b(?:" + string.Join('|', Words.Keys.Select(k => Regex.Escape(k.Trim())).OrderByDescending(k => k.Length)) + @")\b)";

    /// <summary>The value of a word number, or null.</summary>
    public static double? Word(string word) => Words.TryGetValue(word.Trim(), out var v) ? v : null;

    /// <summary>The value of a match of <see cref="Pattern"/>, multiplier applied.</summary>
    public static double Parse(Match match) => Parse(match.Groups["num"].Value, match.Groups["mult"].Value);

    /// <summary>The value of digits with separators and a multiplier.</summary>
    public static double Parse(string digits, string multiplier)
    {
        var cleaned = Regex.Replace(digits.Trim(), @"[ \u00A0\u202F]", "");
        var value = double.Parse(Normalise(cleaned), NumberStyles.Float, CultureInfo.InvariantCulture);
        var m = multiplier.TrimEnd('.').ToLowerInvariant();
        return value * m switch
        {
            "k" or "thousand" or "mil" => 1_000,
            "m" or "mio" or "million" or "millions" or "millones" or "millón" => 1_000_000,
            "mrd" or "bn" or "billion" => 1_000_000_000,
            _ => 1,
        };
    }

    private static string Normalise(string digits)
    {
        // Groups of exactly three digits after a separator are thousands; a last separator with other lengths is decimal.
        var parts = GroupSplit().Split(digits);
        var separators = GroupSplit().Matches(digits).Select(m => m.Value).ToList();
        if (separators.Count == 0)
        {
            return digits;
        }

        var result = new System.Text.StringBuilder(parts[0]);
        for (var i = 0; i < separators.Count; i++)
        {
            var next = parts[i + 1];
            var isGroup = next.Length == 3 && !(i == separators.Count - 1 && parts[0] == "0");
            result.Append(isGroup ? "" : ".").Append(next);
        }

        return result.ToString();
    }

    [GeneratedRegex(@"[.,]")]
    private static partial Regex GroupSplit();
}
