using System.Globalization;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Traces each quality target to the parts of the design that commit to it (an SLO, a recovery plan, a scaling
/// trigger stating its bound), or to a risk that names it as not met (flagged). A target stated in two different
/// values is the contradiction checks' business; here a passage only has to state this one.
/// </summary>
internal static class QualityTargetTrace
{
    public static IEnumerable<TraceRow> Rows(RequirementsModel model, TraceScope scope)
    {
        var i = 0;
        foreach (var target in model.QualityTargets)
        {
            i++;
            var words = AttributeWords.GetValueOrDefault(target.Attribute, [target.Attribute]);
            List<string> served;
            if (target.Value is { } value)
            {
                served = scope.Where((p, w) => DesignNumbers.StatesIn(p.Text, value, target.Unit) && words.Any(a => p.Text.Contains(a, StringComparison.OrdinalIgnoreCase)));
            }
            else
            {
                served = scope.Where((p, w) => words.Any(a => p.Text.Contains(a, StringComparison.OrdinalIgnoreCase)));
            }

            var risks = served.Where(s => s.StartsWith("design.risks", StringComparison.Ordinal)).ToList();
            var committed = served.Except(risks).ToList();
            var label = $"{target.Attribute} {target.Percentile} {(target.Value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "")}{(target.Unit is "%" ? "" : " ")}{target.Unit}{(target.Scope is { Length: > 0 } s ? $" ({s})" : "")}".Replace("  ", " ", StringComparison.Ordinal).Trim();
            yield return new TraceRow
            {
                RequirementId = $"qt-{i}",
                Kind = "quality-target",
                Requirement = label,
                Words = target.Text,
                Status = committed.Count > 0 ? TraceStatus.Served : risks.Count > 0 ? TraceStatus.Flagged : TraceStatus.Unserved,
                ServedBy = [.. (committed.Count > 0 ? committed : risks).Take(6)],
                Note = committed.Count > 0 ? $"the design commits to it in {committed.Count} place(s)" : risks.Count > 0 ? "named only as a risk" : $"no SLO, recovery plan or scaling trigger states {label}",
            };
        }
    }

    private static readonly Dictionary<string, string[]> AttributeWords = new(StringComparer.Ordinal)
    {
        ["latency"] = ["latency", "p50", "p90", "p95", "p99", "response time", "ms", "SLO"],
        ["availability"] = ["availability", "uptime", "SLO", "%"],
        ["rpo"] = ["RPO", "recovery point", "data loss"],
        ["rto"] = ["RTO", "recovery time", "restore"],
        ["freshness"] = ["stale", "fresh", "TTL", "lag", "delay", "within"],
        ["throughput"] = ["throughput", "/s", "per second", "rps", "req/s"],
    };
}
