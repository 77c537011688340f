using ArchitectAgents.Core.Document;
using static ArchitectAgents.Core.Validation.ValidationResults;

namespace ArchitectAgents.Core.Validation;

internal static class NodeResults
{
    public static ArtifactValidation ToValidation(string artifact, string validator, string tool, NodeResponse response)
    {
        if (response.Unavailable is { } reason)
        {
            return Skipped(artifact, validator, $"{tool} not available: {reason}");
        }

        if (response.Internal)
        {
            return Skipped(artifact, validator, $"{tool} failed internally: {string.Join("; ", response.Errors.Select(e => e.Message))}");
        }

        return From(artifact, validator, response.Ok ? [] : [.. response.Errors.Select(e => Error(e.Message, e.Line, e.Column))]);
    }
}
