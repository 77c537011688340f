using System.Globalization;
using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Finds the RPO, RTO and availability a text states ("RPO 15 minutes", "recovery time objective (RTO) 1 hour",
/// "RPO &lt;= 5 min", "RPO 0", "99.95% availability", "uptime of 99,9 %"), normalised to minutes and percent, so two
/// statements of the same figure can be compared wherever they are written. A number without a unit is taken only
/// when it is zero (no unit is needed to say nothing may be lost).
/// </summary>
public static partial class RecoveryFigures
{
    /// <summary>Every figure stated in a passage.</summary>
    public static IEnumerable<StatedFigure> In(TextPassage passage)
    {
        foreach (Match m in Recovery().Matches(passage.Text))
        {
            var figure = m.Groups["rpo"].Success || m.Groups["point"].Success ? "RPO" : "RTO";
            var number = m.Groups["zero"].Success ? 0 : double.Parse(m.Groups["num"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            if (unit.Length == 0 && number != 0)
            {
                continue;
            }

            yield return new StatedFigure(figure, number * Minutes(unit), m.Value.Trim(), passage.Location);
        }

        foreach (Match m in Availability().Matches(passage.Text))
        {
            var value = m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value;
            yield return new StatedFigure("availability", double.Parse(value.Replace(',', '.'), CultureInfo.InvariantCulture), m.Value.Trim(), passage.Location);
        }
    }

    /// <summary>A value as a person writes it: minutes as minutes or hours, availability as a percentage.</summary>
    public static string Format(StatedFigure f) => f.Figure == "availability"
        ? f.Value.ToString("0.###", CultureInfo.InvariantCulture) + "%"
        : f.Value == 0 ? "0 (no data loss)"
        : f.Value >= 60 && f.Value % 60 == 0 ? (f.Value / 60).ToString("0.##", CultureInfo.InvariantCulture) + " h"
        : f.Value < 1 ? (f.Value * 60).ToString("0.##", CultureInfo.InvariantCulture) + " s"
        : f.Value.ToString("0.##", CultureInfo.InvariantCulture) + " min";

    private static double Minutes(string unit) => unit switch
    {
        "" => 0,
        _ when unit.StartsWith('s') => 1.0 / 60,
        _ when unit.StartsWith('h') => 60,
        _ when unit.StartsWith('d') || unit.StartsWith('j') => 1440,
        _ => 1,
    };

    // Keyword, then at most a few words (of, is, <=, at most, target…) up to the first number before a sentence ends or the other keyword.
    [GeneratedRegex(@"\b(?:(?<rpo>RPO)|(?<rto>RTO)|recovery\s+(?:(?<point>point)|time)\s+objective(?:\s*\((?:RPO|RTO)\))?)(?<gap>(?:(?!RPO|RTO)[^.;\n\d])){0,30}?(?:(?<zero>\bzero\b)|(?<num>\d+(?:[.,]\d+)?)\s*(?<unit>seconds?|secs?|segundos?|minutes?|minutos?|mins?|min|m|hours?|horas?|heures?|hrs?|h|days?|d[ií]as?|jours?|d)?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Recovery();

    [GeneratedRegex(@"(?<a>\b\d{2}(?:[.,]\d+)?)\s?%\s*(?:\w+\s+){0,2}?(?:availability|uptime|disponibilit\w*)|(?:availability|uptime|disponibilit\w*)\b[^.;\n\d%]{0,25}?(?<b>\b\d{2}(?:[.,]\d+)?)\s?%", RegexOptions.IgnoreCase)]
    private static partial Regex Availability();
}
