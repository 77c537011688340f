using System.Globalization;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>Outbound callbacks (section <c>Webhooks:Callbacks</c>).</summary>
public sealed class CallbackOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Webhooks:Callbacks";

    /// <summary>Standard Webhooks signing secret (<c>whsec_</c> + base64, or any other string used as UTF-8). Callbacks are refused without one.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Hosts a callback may reach although they are loopback, link-local or private: host names (matched as written
    /// in the URL), IP addresses or CIDR ranges (matched against every resolved address).
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Waits between attempts, comma-separated (<c>5s, 5m, 2h</c>; also <c>ms</c> and <c>d</c>). The first attempt is
    /// immediate; after the last wait fails the delivery is parked as dead. The default spans just under 24 hours.
    /// </summary>
    public string RetrySchedule { get; set; } = DefaultRetrySchedule;

    /// <summary>The default schedule: Standard Webhooks' suggested backoff, cut to stay within 24 hours.</summary>
    public const string DefaultRetrySchedule = "5s, 5m, 30m, 2h, 5h, 10h, 6h";

    /// <summary>Timeout of one attempt, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>How often the dispatcher looks for due deliveries, in milliseconds.</summary>
    public int PollIntervalMs { get; set; } = 1000;

    /// <summary>How long a claimed attempt keeps other nodes away before it counts as abandoned, in seconds.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>The parsed <see cref="RetrySchedule"/>.</summary>
    /// <exception cref="FormatException">An entry is not a number with a unit.</exception>
    public IReadOnlyList<TimeSpan> Waits() => ParseSchedule(RetrySchedule);

    /// <summary>Parses a schedule such as <c>5s, 5m, 30m</c>.</summary>
    public static IReadOnlyList<TimeSpan> ParseSchedule(string schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var waits = new List<TimeSpan>();
        foreach (var raw in schedule.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var unit = raw.EndsWith("ms", StringComparison.Ordinal) ? "ms" : raw[^1..];
            var number = raw[..^unit.Length];
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                throw new FormatException($"Webhooks:Callbacks:RetrySchedule: '{raw}' is not a wait such as 5s, 5m, 2h");
            }

            waits.Add(unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                "d" => TimeSpan.FromDays(value),
                _ => throw new FormatException($"Webhooks:Callbacks:RetrySchedule: '{raw}' has no unit (ms, s, m, h, d)"),
            });
        }

        return waits;
    }
}
