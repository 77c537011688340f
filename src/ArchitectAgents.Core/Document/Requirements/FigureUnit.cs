using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Document;

/// <summary>What a figure's unit says it counts: money per period ("GBP/month"), a load (a rate of anything else), or people.</summary>
public static partial class FigureUnit
{
    /// <summary>A currency amount per period: a three-letter code before the slash ("EUR/month").</summary>
    public static bool IsMoney(string unit) =>
        unit.Contains('/', StringComparison.Ordinal) && unit.Split('/')[0].Trim() is { Length: 3 } code && code.All(char.IsUpper);

    /// <summary>A rate of something other than money ("1800 bookings/day", not "400 EUR/month"): what a design is sized for.</summary>
    public static bool IsLoad(string unit) => unit.Contains('/', StringComparison.Ordinal) && !IsMoney(unit);

    /// <summary>A count of people ("9,000 students", "400k people"), not of things ("60k seats").</summary>
    public static bool IsPeople(string unit) => People().IsMatch(unit);

    [GeneratedRegex(@"^(?:people|persons?|users?|customers?|students?|employees?|members?|borrowers?|subscribers?|patients?|guests?|visitors?|fans?|attendees?|drivers?|riders?|shoppers?|buyers?|listeners?|learners?|players?|citizens?|residents?|passengers?|subjects?|accounts?|concurrent users)$", RegexOptions.IgnoreCase)]
    private static partial Regex People();
}
