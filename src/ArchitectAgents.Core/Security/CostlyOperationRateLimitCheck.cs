using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Security;

/// <summary>
/// OWASP API4 (unrestricted resource consumption) on costly operations (search, export, bulk, batch, import, report,
/// download): each must declare a rate limit (429 with Retry-After), and a list must bound its page size.
/// </summary>
public sealed class CostlyOperationRateLimitCheck : IDesignSecurityCheck
{
    private static readonly string[] CostlyWords = ["search", "export", "bulk", "batch", "import", "report", "download", "query"];

    /// <summary>True for an operation whose cost grows with what the caller asks for.</summary>
    public static bool IsCostly(ApiOperation op) =>
        CostlyWords.Any(w => op.Path.Contains(w, StringComparison.OrdinalIgnoreCase) || op.OperationId.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public IEnumerable<Finding> Find(DesignView view)
    {
        foreach (var op in view.Contract.Operations.Where(IsCostly).Where(o => !o.Responses.Contains("429")))
        {
            yield return OperationFinding.Open($"API4.{op.OperationId}", $"{op.Label} is costly ({op.Summary}) but declares no rate limit", Severity.High,
                "OWASP API4:2023 Unrestricted Resource Consumption", "Denial of service", "design.api",
                $"Rate-limit {op.Label} per caller (429 with Retry-After), bound its page or batch size, and run large exports asynchronously.");
        }
    }
}
