using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;

namespace ArchitectAgents.Core.Security;

/// <summary>
/// OWASP API3 (mass assignment) on every request schema: it must list the properties a client may send
/// (additionalProperties: false) and none of them may be one the server owns.
/// </summary>
public sealed class MassAssignmentCheck : IDesignSecurityCheck
{
    /// <inheritdoc />
    public IEnumerable<Finding> Find(DesignView view)
    {
        foreach (var schema in view.Contract.RequestSchemas)
        {
            var owned = schema.Settable.Where(ServerOwnedFields.IsServerOwned).ToList();
            if (owned.Count > 0)
            {
                yield return OperationFinding.Open($"API3.{schema.Name}", $"{schema.Name} lets a client set server-owned fields: {string.Join(", ", owned)} (used by {string.Join(", ", schema.UsedBy)})", Severity.High,
                    "OWASP API3:2023 Broken Object Property Level Authorization (mass assignment)", "Tampering", "design.api",
                    $"Remove {string.Join(", ", owned)} from {schema.Name}; the server sets them (state changes go through explicit actions such as POST …/cancel).");
            }
            else if (schema.Open)
            {
                yield return OperationFinding.Open($"API3.{schema.Name}", $"{schema.Name} accepts properties it does not list (used by {string.Join(", ", schema.UsedBy)})", Severity.High,
                    "OWASP API3:2023 Broken Object Property Level Authorization (mass assignment)", "Tampering", "design.api",
                    $"List the properties {schema.Name} accepts and set additionalProperties: false so nothing else is bound.");
            }
        }
    }
}
