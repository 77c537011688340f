using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Engine;

/// <summary>Result of checking an agent's reply against its contract.</summary>
/// <param name="Output">The reply, when valid.</param>
/// <param name="Sections">The typed sections, when valid.</param>
/// <param name="Errors">What is wrong, one line each; empty when valid.</param>
/// <param name="PermissionViolation">True when the reply broke a permission (sections or outcome), not just the schema.</param>
public sealed record AgentReplyCheck(AgentOutput? Output, IReadOnlyDictionary<string, SectionBase> Sections, IReadOnlyList<string> Errors, bool PermissionViolation)
{
    /// <summary>True when the reply can be applied.</summary>
    public bool IsValid => Errors.Count == 0 && Output is not null;

    internal static AgentReplyCheck Failed(string error) => new(null, new Dictionary<string, SectionBase>(), [error], false);
}
