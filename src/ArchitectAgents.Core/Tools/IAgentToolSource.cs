using Microsoft.Extensions.AI;

namespace ArchitectAgents.Core.Tools;

/// <summary>
/// Supplies the functions an agent definition lists under <c>tools</c> (for example
/// <c>context7.resolve-library-id</c>) to model-backed agents.
/// </summary>
public interface IAgentToolSource
{
    /// <summary>
    /// Returns the tools this source knows among <paramref name="names"/>; names it does not know are left out
    /// so that several sources can be combined.
    /// </summary>
    ValueTask<IReadOnlyList<AITool>> GetToolsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default);
}
