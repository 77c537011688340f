using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Offline;

/// <summary>The figures and traits the design rules read, taken from the context section.</summary>
internal sealed record DesignFacts
{
    public required int Team { get; init; }
    public required bool TeamAssumed { get; init; }
    public required double Users { get; init; }
    public required double Devices { get; init; }
    public required double PeakRps { get; init; }
    public required double TransactionsPerDay { get; init; }
    public required double? LatencyMs { get; init; }
    public required double Availability { get; init; }
    public required double DataGb { get; init; }
    public required IReadOnlySet<string> Traits { get; init; }
    public required IReadOnlyList<string> Regimes { get; init; }
    public required string Stack { get; init; }
    public required string Cloud { get; init; }
    public required IReadOnlyList<string> Entities { get; init; }
    public required ContextSection Context { get; init; }

    /// <summary>Workload shapes the requirements model read (steady, spiky, batch, real-time, offline-first, geo-distributed, ...).</summary>
    public IReadOnlySet<string> Shapes { get; init; } = new HashSet<string>();

    /// <summary>The stated budget per month in US dollars (a yearly budget is spread over twelve months), or null.</summary>
    public Money? MonthlyBudget { get; init; }

    /// <summary>Squads, teams or domains the brief counts or names; a split along them is justified for a large team.</summary>
    public int NamedDomains { get; init; }

    /// <summary>Technologies the brief's existing decisions and stack constraints name, with the brief's spelling (versions included).</summary>
    public IReadOnlyList<string> ExistingTechnologies { get; init; } = [];

    /// <summary>What the brief rules out (exclusion constraints), in its words.</summary>
    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>Residency zones the design keeps apart in separate regional deployments; empty for one zone.</summary>
    public IReadOnlyList<ResidencyZones.Zone> Zones => _zones ??= ResidencyZones.Of(Context.Requirements);

    private IReadOnlyList<ResidencyZones.Zone>? _zones;

    /// <summary>The spike the brief schedules at a time of day ("registration opens at 08:00"), or null.</summary>
    public WorkloadShape? KnownSpike => Context.Requirements.Workload.FirstOrDefault(w => w.Shape == "spiky" && ClockTime.IsMatch(w.Evidence));

    /// <summary>The time of day of <see cref="KnownSpike"/> ("08:00"), or null.</summary>
    public string? KnownSpikeAt => KnownSpike is { } spike ? ClockTime.Match(spike.Evidence).Value : null;

    /// <summary>The crowd of <see cref="KnownSpike"/>: the first stated count of people in its sentence ("9,000 of our 31k students"), not the whole it is part of; or null.</summary>
    public Figure? KnownSpikeCrowd => KnownSpike is { } spike
        ? Context.Requirements.Figures
            .Where(x => !x.Derived && FigureUnit.IsPeople(x.Unit) && spike.Evidence.Contains(x.Text, StringComparison.Ordinal))
            .OrderBy(x => spike.Evidence.IndexOf(x.Text, StringComparison.Ordinal)).FirstOrDefault()
        : null;

    // A time of day: "08:00", "10:00 sharp", "9am".
    private static readonly System.Text.RegularExpressions.Regex ClockTime = new(
        @"\b(?:[01]?\d|2[0-3])[:.h][0-5]\d\b|\b(?:1[0-2]|[1-9])\s?(?:am|pm)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    public bool Has(string trait) => Traits.Contains(trait);

    public bool HasShape(string shape) => Shapes.Contains(shape);

    /// <summary>True when an existing decision or stack constraint names the technology (word match, case-insensitive).</summary>
    public bool Names(string technology) => ExistingTechnologies.Any(t => ExistingStack.Mentions(t, technology));

    /// <summary>True when an exclusion constraint names the word ("nobody here wants to run Kafka").</summary>
    public bool Excludes(string word) => Exclusions.Any(e => ExistingStack.Mentions(e, word));

    public bool IsIot => Has("iot") || Devices >= 500;

    /// <summary>People connected at the same time as the brief states it ("3,500 online at the busiest hour"); 0 when unstated.</summary>
    public double Concurrent => Context.Requirements.Figures
        .Where(x => ConcurrentWords.IsMatch(x.Quantity + " " + x.Unit)).Select(x => x.Value).DefaultIfEmpty(0).Max();

    private static readonly System.Text.RegularExpressions.Regex ConcurrentWords = new(
        @"\b(online|concurrent(ly)?|connected|simultaneous(ly)?|at once|logged[- ]in)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public bool IsHugeScale => Users >= 10_000_000 || PeakRps >= 10_000;

    public bool IsLargeScale => Users >= 1_000_000 || PeakRps >= 1_000;

    public bool IsSpikyBatch => Has("spiky") && (Has("idle") || Has("cost-sensitive") || Has("batch")) || Has("batch") && Has("idle");

    public bool LatencyCritical => LatencyMs is < 200;

    public bool NeedsQueue => Has("async-workflow") || Has("batch") || Has("payments") || IsRealtime || IsIot || IsLargeScale || BackgroundWork is not null;

    /// <summary>
    /// The brief's work that leaves the request path (a waitlist promotion that notifies, a transcode), quoted: the
    /// job-queue capability's triggers (capabilities.json) matched against the requirements model; null when none.
    /// </summary>
    public string? BackgroundWork => (backgroundWork ??= Context.Requirements.UseCases.Count == 0 ? ""
        : Knowledge.CapabilityCatalog.Default.Capabilities.FirstOrDefault(c => c.Id == "job-queue") is { } jobs
            ? new TriggerMatcher(Context.Requirements, Knowledge.CapabilityCatalog.Default).Because(jobs.Triggers) ?? ""
            : "") is { Length: > 0 } work ? work : null;

    private string? backgroundWork;

    /// <summary>
    /// A real-time workload (presence, live updates, push). With a requirements model its shape decides: the keyword
    /// trait alone fires on "goes live" or "within 2 minutes"; without one, the trait is all there is.
    /// </summary>
    public bool IsRealtime => Context.Requirements.UseCases.Count + Context.Requirements.Figures.Count > 0 ? HasShape("real-time") : Has("realtime");

    public bool NeedsCache => Has("read-heavy") && PeakRps >= 200 || IsLargeScale;

    public bool HighAvailability => Availability >= 99.9;

    /// <summary>The brief forbids physical deletes ("records are never physically deleted", "soft delete only"): rows are archived or pseudonymised, never removed.</summary>
    public bool NeverDeletes => Context.Requirements.Constraints.Any(c => c.Kind is "invariant" or "compliance" or "retention"
        && (NoDeletes.IsMatch(c.Value) || NoDeletes.IsMatch(c.Text) && c.Kind == "invariant"));

    private static readonly System.Text.RegularExpressions.Regex NoDeletes = new(
        @"\b(never|not|no)\b(\s+\w+){0,3}\s+(physically\s+|hard[- ]?)?delet|\bno\s+hard[- ]deletes?\b|\bsoft[- ]delet\w*\s+only\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>A stated load so small (users known, under 5,000, under 100 req/s) that every server the team runs beside its app is on-call weight it cannot justify.</summary>
    public bool IsSmallLoad => Users is > 0 and < 5_000 && PeakRps < 100 && !IsIot;

    public static DesignFacts From(ContextSection context)
    {
        var f = context.Figures;
        var stacks = BriefAnalyzer.StacksOf(context).ToList();
        var decided = string.Join(' ', context.ExistingDecisions);
        var stack = stacks.FirstOrDefault(s => decided.Contains(StackWord(s), StringComparison.OrdinalIgnoreCase))
            ?? stacks.FirstOrDefault(s => s is "dotnet" or "java" or "go" or "python" or "node")
            ?? "node";
        var env = context.Environment ?? "";
        var cloud = env.Contains("AWS", StringComparison.Ordinal) ? "aws"
            : env.Contains("Azure", StringComparison.Ordinal) ? "azure"
            : env.Contains("Google", StringComparison.Ordinal) ? "gcp"
            : env.Contains("on-prem", StringComparison.Ordinal) ? "on-prem"
            : "any";
        return new DesignFacts
        {
            Team = (int)Math.Round(context.TeamSize?.Value ?? 5),
            TeamAssumed = context.TeamSize is null or { Assumed: true },
            Users = f.Users?.Value ?? 0,
            Devices = f.Devices?.Value ?? 0,
            PeakRps = f.PeakRequestsPerSecond?.Value ?? 0,
            TransactionsPerDay = f.TransactionsPerDay?.Value ?? 0,
            LatencyMs = f.LatencyMs?.Value,
            Availability = f.AvailabilityPercent?.Value ?? 99.9,
            DataGb = f.DataVolumeGb?.Value ?? 0,
            Traits = context.Traits.Select(t => t.Name).ToHashSet(StringComparer.Ordinal),
            Regimes = context.Compliance,
            Stack = stack,
            Cloud = cloud,
            Entities = context.Entities,
            Context = context,
            Shapes = context.Requirements.Workload.Select(w => w.Shape).ToHashSet(StringComparer.Ordinal),
            MonthlyBudget = Money.MonthlyBudget(context.Requirements),
            NamedDomains = (int)(context.Requirements.Figures.Where(x => !x.Derived && TeamDomains.IsTeamCount(x)).Select(x => x.Value).DefaultIfEmpty(0).Max()),
            ExistingTechnologies = [.. context.Requirements.ExistingDecisions.SelectMany(d => d.Technologies)
                .Concat(context.Requirements.Constraints.Where(c => c.Kind is "stack" or "identity" or "cloud" or "payments").SelectMany(c => c.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
                .Distinct(StringComparer.OrdinalIgnoreCase)],
            Exclusions = context.Requirements.Refusals(),
        };
    }

    private static string StackWord(string stack) => stack switch
    {
        "dotnet" => ".NET",
        "node" => "Node",
        "python" => "Python",
        "java" => "Java",
        _ => stack,
    };
}
