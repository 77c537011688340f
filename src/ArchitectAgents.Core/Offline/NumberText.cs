using System.Globalization;
using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Offline;

/// <summary>Reads numbers the way people write them in briefs: 5k, 30M, 1.5 million, 40,000, four, a dozen.</summary>
internal static partial class NumberText
{
    /// <summary>Regex fragment matching a number with an optional multiplier; use with <see cref="Parse"/>.</summary>
    public const string Pattern =
        @"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|a\s+dozen|a\s+couple\s+of|a\s+couple|a\s+single|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|hundred)(?:\s*(?<mult>k|thousand|m(?![a-z])|mm|mio|million|b(?![a-z])|bn|billion)(?![a-z]))?";

    private static readonly Dictionary<string, double> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a single"] = 1, ["one"] = 1, ["two"] = 2, ["a couple"] = 2, ["a couple of"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["a dozen"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["a hundred"] = 100, ["hundred"] = 100,
    };

    public static double Parse(Match match)
    {
        var raw = WhiteSpace().Replace(match.Groups["num"].Value.Trim(), " ");
        double value = Words.TryGetValue(raw, out var word)
            ? word
            : double.Parse(raw.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var mult = match.Groups["mult"].Value.ToLowerInvariant();
        return value * mult switch
        {
            "k" or "thousand" => 1_000,
            "m" or "mm" or "mio" or "million" => 1_000_000,
            "b" or "bn" or "billion" => 1_000_000_000,
            _ => 1,
        };
    }

    public static string Format(double value) => value switch
    {
        >= 1_000_000_000 => (value / 1_000_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "B",
        >= 1_000_000 => (value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
