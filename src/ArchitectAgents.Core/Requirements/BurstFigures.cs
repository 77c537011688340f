using System.Globalization;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// A crowd that arrives inside a stated window ("9,000 of our students hit it in the first 15 minutes") sets the peak,
/// not the quiet days around it: the arrival rate is the count over the window, and the request rate that many
/// visitors make is derived from it. Both figures are marked derived, with the arithmetic shown.
/// </summary>
internal static partial class BurstFigures
{
    // A visit during a rush (browse, choose, confirm, poll) is several API calls; the factor is said to be assumed.
    private const double RequestsPerVisit = 10;

    public static IEnumerable<Figure> Read(string sentence, IReadOnlyList<Figure> figures)
    {
        var window = figures.FirstOrDefault(f => Seconds(f) is not null && Window(f.Text).IsMatch(sentence));
        if (window is null)
        {
            yield break;
        }

        // The largest count of people or requests stated beside the window is the crowd that arrives in it; a whole
        // it is a share of ("9,000 of our 31k students") is not.
        var crowd = figures.Where(f => f != window && f.Value >= 100 && (FigureUnit.IsPeople(f.Unit) || Requests().IsMatch(f.Unit)) && !Whole(f.Text).IsMatch(sentence)).MaxBy(f => f.Value);
        if (crowd is null)
        {
            yield break;
        }

        var seconds = Seconds(window)!.Value;
        var arrivals = crowd.Value / seconds;
        var requests = Math.Ceiling(arrivals * RequestsPerVisit);
        var text = $"{Format(crowd.Value)} {crowd.Unit} in {Format(window.Value)} {window.Unit}";
        yield return new Figure
        {
            Quantity = $"peak arrivals per second (derived from {text})",
            Value = Math.Round(arrivals, 2),
            Unit = crowd.Unit + "/s",
            Text = crowd.Text,
            Derived = true,
            Derivation = $"{Format(crowd.Value)} {crowd.Unit} ÷ {Format(seconds)} s = {arrivals.ToString("0.##", CultureInfo.InvariantCulture)} {crowd.Unit}/s arriving",
        };
        yield return new Figure
        {
            Quantity = "peak requests per second (derived)",
            Value = Math.Max(1, requests),
            Unit = "requests/s",
            Text = crowd.Text,
            Derived = true,
            Derivation = $"{Format(crowd.Value)} {crowd.Unit} in {Format(window.Value)} {window.Unit} = {arrivals.ToString("0.##", CultureInfo.InvariantCulture)}/s arriving × ~{RequestsPerVisit} requests per visit (assumed) ≈ {Format(Math.Max(1, requests))} requests/s",
        };
    }

    private static double? Seconds(Figure f) => f.Unit.ToLowerInvariant() switch
    {
        "s" or "sec" or "second" or "seconds" => f.Value,
        "min" or "minute" or "minutes" => f.Value * 60,
        "h" or "hour" or "hours" => f.Value * 3600,
        _ => null,
    };

    private static Regex Window(string figureText) =>
        new($@"\b(?:in|within|over|during)\s+(?:the\s+)?(?:first\s+)?{Regex.Escape(figureText)}", RegexOptions.IgnoreCase);

    private static Regex Whole(string figureText) =>
        new($@"\bof\s+(?:our|the|all|its|their|all\s+our)\s+{Regex.Escape(figureText)}", RegexOptions.IgnoreCase);

    private static string Format(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    // Besides people, a stated count of requests or orders arriving in the window is a crowd too.
    [GeneratedRegex(@"^(?:requests?|orders?|bookings?|registrations?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Requests();
}
