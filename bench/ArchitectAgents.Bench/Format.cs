using System.Globalization;

namespace ArchitectAgents.Bench;

/// <summary>Invariant number formatting for the table.</summary>
internal static class Format
{
    public static string N(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ratio(double numerator, double denominator, string what) =>
        denominator <= 0 || double.IsNaN(numerator) ? "n/a" : $"{N(numerator / denominator, "0.00")}× ({what})";

    public static string Ms(double ms) => N(ms, ms < 10 ? "0.0" : "0") + " ms";

    public static string Bytes(double bytes) => bytes >= 1024 * 1024 ? N(bytes / 1024 / 1024, "0.0") + " MiB" : N(bytes / 1024, "0.0") + " KiB";

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
