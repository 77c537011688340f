using System.Globalization;
using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// The numbers a passage of the design states, in the forms a report writes them ("70,000", "70 000", "70k",
/// "1.5M", "1.5 million", "99.9%"), so the trace can tell whether a stated figure was used.
/// </summary>
internal static partial class DesignNumbers
{
    /// <summary>Every number in the text, scaled by its suffix.</summary>
    public static List<double> In(string text)
    {
        var list = new List<double>();
        foreach (Match m in Number().Matches(text))
        {
            var digits = m.Groups["n"].Value;
            // Thousands separators: a comma, thin or plain space between groups of three ("70,000", "2 000").
            var plain = Grouped().IsMatch(digits) ? Separator().Replace(digits, "") : digits.Replace(",", ".", StringComparison.Ordinal);
            if (!double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            value *= m.Groups["s"].Value.ToLowerInvariant() switch
            {
                "k" => 1_000,
                "m" or "million" or "mio" => 1_000_000,
                "bn" or "billion" => 1_000_000_000,
                _ => 1,
            };
            list.Add(value);
        }

        return list;
    }

    /// <summary>True when the text states <paramref name="value"/> (within half a percent, for rounded figures).</summary>
    public static bool States(string text, double value) => In(text).Any(n => Same(n, value));

    /// <summary>Equal within half a percent.</summary>
    public static bool Same(double a, double b) => Math.Abs(a - b) <= Math.Max(1e-9, Math.Abs(b) * 0.005);

    /// <summary>
    /// True when the text states <paramref name="value"/> in <paramref name="unit"/>: a duration in any unit that
    /// converts to the same time ("1 hour" is not "1 minute", "60 minutes" is "1 hour"), a percentage with its sign,
    /// any other unit as a plain number.
    /// </summary>
    public static bool StatesIn(string text, double value, string unit)
    {
        if (Seconds(unit) is { } scale)
        {
            return Durations().Matches(text).Any(m => Seconds(m.Groups["u"].Value) is { } s && In(m.Groups["n"].Value).FirstOrDefault() is var n && Same(n * s, value * scale));
        }

        return unit == "%" ? Percentages().Matches(text).Any(m => In(m.Groups["n"].Value).FirstOrDefault() is var n && Same(n, value)) : States(text, value);
    }

    private static double? Seconds(string unit) => unit.Trim().ToLowerInvariant() switch
    {
        "ms" or "millisecond" or "milliseconds" => 0.001,
        "s" or "sec" or "secs" or "second" or "seconds" => 1,
        "min" or "mins" or "minute" or "minutes" => 60,
        "h" or "hr" or "hrs" or "hour" or "hours" => 3600,
        "d" or "day" or "days" => 86400,
        _ => null,
    };

    [GeneratedRegex(@"(?<![\w.])(?<n>\d+(?:[.,]\d+)?)\s?(?<u>ms|milliseconds?|secs?|seconds?|s|mins?|minutes?|hrs?|hours?|h|days?|d)(?!\p{L})")]
    private static partial Regex Durations();

    [GeneratedRegex(@"(?<![\w.])(?<n>\d+(?:[.,]\d+)?)\s?%")]
    private static partial Regex Percentages();

    [GeneratedRegex(@"(?<![\w.])(?<n>\d{1,3}(?:(?:,|\u00a0|\u202f| )\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)\s?(?<s>(?:k|K|M|million|Mio|bn|billion)(?!\p{L}))?")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\d{1,3}(?:(?:,|\u00a0|\u202f| )\d{3})+(?:\.\d+)?$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"[,\u00a0\u202f ]")]
    private static partial Regex Separator();
}
