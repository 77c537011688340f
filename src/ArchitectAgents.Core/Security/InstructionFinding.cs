using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Security;

/// <summary>Findings about text in the brief that tries to instruct the tool: reported, never obeyed, and not something a design round can fix.</summary>
public static class InstructionFinding
{
    /// <summary>Id prefix of these findings.</summary>
    public const string Prefix = "INSTRUCTION-";

    /// <summary>True for a finding about instruction-like text in the brief or its attachments.</summary>
    public static bool Is(Finding finding) => finding.Id.StartsWith(Prefix, StringComparison.Ordinal);
}
