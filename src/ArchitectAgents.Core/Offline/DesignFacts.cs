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

    public bool Has(string trait) => Traits.Contains(trait);

    public bool IsIot => Has("iot") || Devices >= 500;

    public bool IsHugeScale => Users >= 10_000_000 || PeakRps >= 10_000;

    public bool IsLargeScale => Users >= 1_000_000 || PeakRps >= 1_000;

    public bool IsSpikyBatch => Has("spiky") && (Has("idle") || Has("cost-sensitive") || Has("batch")) || Has("batch") && Has("idle");

    public bool LatencyCritical => LatencyMs is < 200;

    public bool NeedsQueue => Has("async-workflow") || Has("batch") || Has("payments") || Has("realtime") || IsIot || IsLargeScale;

    public bool NeedsCache => Has("read-heavy") && PeakRps >= 200 || IsLargeScale;

    public bool HighAvailability => Availability >= 99.9;

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
