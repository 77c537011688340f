using System.Security.Claims;

namespace ArchitectAgents.Api.Auth;

/// <summary>Who is calling: every run belongs to the caller that created it.</summary>
internal static class Callers
{
    public const string OwnerClaim = "architect:owner";

    public static string? OwnerOf(ClaimsPrincipal user) => user.FindFirst(OwnerClaim)?.Value;

    public static string Owner(this HttpContext http) =>
        OwnerOf(http.User) ?? throw new InvalidOperationException("endpoint reached without an authenticated caller");
}
