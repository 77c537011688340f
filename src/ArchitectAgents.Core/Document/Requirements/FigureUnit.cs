namespace ArchitectAgents.Core.Document;

/// <summary>What a figure's unit says it counts: money per period ("GBP/month") or a load (a rate of anything else).</summary>
public static class FigureUnit
{
    /// <summary>A currency amount per period: a three-letter code before the slash ("EUR/month").</summary>
    public static bool IsMoney(string unit) =>
        unit.Contains('/', StringComparison.Ordinal) && unit.Split('/')[0].Trim() is { Length: 3 } code && code.All(char.IsUpper);

    /// <summary>A rate of something other than money ("1800 bookings/day", not "400 EUR/month"): what a design is sized for.</summary>
    public static bool IsLoad(string unit) => unit.Contains('/', StringComparison.Ordinal) && !IsMoney(unit);
}
