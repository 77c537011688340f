using System.Security.Claims;

namespace ArchitectAgents.Mcp;

/// <summary>
/// Who a tool call or resource read acts for. Over HTTP that is the authenticated caller's owner id (the same one
/// <c>/v1</c> uses, so each key sees only its own runs); over stdio it is one fixed local owner.
/// </summary>
public sealed class McpCaller(Func<ClaimsPrincipal?, string?> ownerOf)
{
    /// <summary>The owner id for a request's user, or null when the request carries no caller the service accepts.</summary>
    public string? OwnerOf(ClaimsPrincipal? user) => ownerOf(user);
}
