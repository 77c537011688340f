using System.Security.Cryptography;
using System.Text;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>
/// <c>sha256=&lt;hex&gt;</c> HMAC-SHA256 signatures of the raw body, as GitHub (X-Hub-Signature-256) and Jira admin
/// webhooks with a secret (X-Hub-Signature) send them. Checked on the bytes received, before parsing, in constant time.
/// </summary>
internal static class HubSignature
{
    private const string Prefix = "sha256=";

    public static bool Verify(string secret, byte[] body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
