using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Security;

/// <summary>
/// OWASP API1 (broken object-level authorisation) on every operation addressing one object by id: it must require
/// authentication and answer 403 or 404 when the caller does not own the object, so the contract itself says the
/// check exists.
/// </summary>
public sealed class ObjectLevelAuthorisationCheck : IDesignSecurityCheck
{
    /// <inheritdoc />
    public IEnumerable<Finding> Find(DesignView view)
    {
        // Published content (a feed, a public page) is meant for everyone; drafts of it answer 404, which the contract declares.
        foreach (var op in view.Contract.Operations.Where(o => o.Path.Contains('{', StringComparison.Ordinal) && !(o.Published && o.Responses.Contains("404"))))
        {
            if (!op.Authenticated)
            {
                yield return OperationFinding.Open($"API1.{op.OperationId}", $"{op.Label} addresses an object by id without authentication", Severity.Critical,
                    "OWASP API1:2023 Broken Object Level Authorization", "Elevation of privilege", "design.api",
                    $"Require the bearer scheme on {op.Label} and check that the caller owns or may see the object before answering.");
            }
            else if (!op.Responses.Contains("403") && !op.Responses.Contains("404"))
            {
                yield return OperationFinding.Open($"API1.{op.OperationId}", $"{op.Label} addresses an object by id but declares no 403/404 for objects the caller may not access", Severity.High,
                    "OWASP API1:2023 Broken Object Level Authorization", "Elevation of privilege", "design.api",
                    $"Check ownership (or tenant) of the object on every call to {op.Label} and answer 404 (or 403) when it fails; declare the response in the contract.");
            }
        }
    }
}
