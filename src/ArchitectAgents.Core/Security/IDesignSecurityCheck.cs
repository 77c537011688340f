using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Security;

/// <summary>A security check that reads the design's artifacts and raises findings tied to the operations, fields or passages concerned.</summary>
public interface IDesignSecurityCheck
{
    /// <summary>Open findings for what the design gets wrong now.</summary>
    IEnumerable<Finding> Find(DesignView view);
}
