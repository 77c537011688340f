using System.Globalization;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// A figure stated per unit ("12k/day per DC", "500 orders a day per store") beside the count of those units
/// ("3 distribution centres", "40 stores") is a share of the load: the design is sized for the product, derived and
/// marked as a total with the arithmetic shown. The unit is matched by its noun or, for an acronym, by the initials
/// of the count's words ("DC" spells "distribution centres").
/// </summary>
internal static partial class FigureTotals
{
    public static IEnumerable<Figure> Derive(IReadOnlyList<Figure> figures)
    {
        foreach (var share in figures.Where(f => !f.Derived && f.AppliesTo is not null && f.Unit.Length > 0))
        {
            if (PerUnit().Match(share.AppliesTo!) is not { Success: true } per || Periods.Contains(per.Groups["u"].Value.ToLowerInvariant()))
            {
                continue;
            }

            var unit = per.Groups["u"].Value;
            var count = figures
                .Where(c => c != share && !c.Derived && c.Value >= 2 && c.Value % 1 == 0 && !c.Unit.Contains('/', StringComparison.Ordinal)
                    && c.Quantity != "team size" && !FigureUnit.IsMoney(c.Unit) && Counts(c, unit))
                .MaxBy(c => c.Value);
            if (count is null)
            {
                continue;
            }

            var total = share.Value * count.Value;
            yield return new Figure
            {
                Quantity = $"{share.Quantity} across all {count.Quantity} (derived)",
                Value = total,
                Unit = share.Unit,
                AppliesTo = $"{Format(count.Value)} {count.Quantity}",
                Text = share.Text,
                Derived = true,
                Total = true,
                Derivation = $"{Format(share.Value)} {share.Unit} {share.AppliesTo} × {Format(count.Value)} {count.Quantity} = {Format(total)} {share.Unit}",
            };
        }
    }

    private static bool Counts(Figure count, string unit)
    {
        var words = $"{count.Quantity} {count.Unit}".ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Inflection.Singular).ToList();
        if (words.Contains(Inflection.Singular(unit.ToLowerInvariant())))
        {
            return true;
        }

        // A plural the English rules do not know ("Werkstätten" for "Werkstatt"): the count's word begins with the unit's.
        var folded = Fold(unit);
        if (folded.Length >= 5 && words.Any(w => Fold(w).StartsWith(folded, StringComparison.Ordinal)))
        {
            return true;
        }

        // An acronym, with or without a plural s ("DC", "DCs"), spells the initials of consecutive words of the count.
        var letters = unit.EndsWith('s') && unit.Length > 2 && unit[..^1].All(char.IsUpper) ? unit[..^1] : unit;
        if (letters.Length is < 2 or > 5 || !letters.All(char.IsUpper))
        {
            return false;
        }

        var quantity = count.Quantity.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + letters.Length <= quantity.Length; i++)
        {
            if (quantity.Skip(i).Take(letters.Length).Select(w => char.ToUpperInvariant(w[0])).SequenceEqual(letters))
            {
                return true;
            }
        }

        return false;
    }

    // Accents and umlauts folded by hand: normalisation is not available under invariant globalization.
    private static string Fold(string word) => string.Concat(word.ToLowerInvariant().Select(c => c switch
    {
        'ä' or 'à' or 'á' or 'â' => "a",
        'ö' or 'ó' or 'ô' => "o",
        'ü' or 'ú' or 'û' => "u",
        'é' or 'è' or 'ê' or 'ë' => "e",
        'í' or 'î' or 'ï' => "i",
        'ñ' => "n",
        'ç' => "c",
        'ß' => "ss",
        _ => c.ToString(),
    }));

    private static string Format(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    // "per day", "each month" scope a rate, not a share.
    private static readonly HashSet<string> Periods = new(StringComparer.Ordinal)
    {
        "second", "minute", "hour", "day", "night", "week", "month", "year", "time", "jour", "mois", "semaine", "día", "dia", "mes", "año", "tag", "monat", "woche", "jahr",
    };

    [GeneratedRegex(@"^(?:per|each|for\s+each|every|par|por|pro|chaque|cada)\s+(?<u>[\p{L}]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PerUnit();
}
