using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// The versioning and error conventions, said with the contract's own numbers: how many operations sit under /v1
/// and which error statuses they answer. The conventions are the same for every design; what the contract holds
/// is not, and a reader checks the sentence against openapi.yaml.
/// </summary>
internal static partial class ApiConventions
{
    public static void Describe(ApiDesign api)
    {
        var operations = MethodLine().Count(api.OpenApiYaml) - (api.OpenApiYaml.Contains("\n  /health:", StringComparison.Ordinal) ? 1 : 0);
        var errors = ErrorStatus().Matches(api.OpenApiYaml).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        api.Versioning = $"URI major version: the {operations} operations live under /v1 (the health probe aside), additive changes stay within it, and a breaking change gets /v2 with a published deprecation window (Deprecation and Sunset headers).";
        if (errors.Count > 0)
        {
            api.ErrorModel = $"RFC 9457 problem details (application/problem+json) for the {string.Join(", ", errors)} responses of its {operations} operations, with per-field validation errors.";
        }
    }

    [GeneratedRegex(@"^    (get|post|put|patch|delete):\s*$", RegexOptions.Multiline)]
    private static partial Regex MethodLine();

    [GeneratedRegex(@"^        ['""]?([45]\d\d)['""]?:", RegexOptions.Multiline)]
    private static partial Regex ErrorStatus();
}
