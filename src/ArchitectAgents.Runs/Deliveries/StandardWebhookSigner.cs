using System.Security.Cryptography;
using System.Text;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>
/// Standard Webhooks signatures (standardwebhooks.com): <c>v1,</c> + base64 HMAC-SHA256 of <c>id.timestamp.body</c>.
/// A <c>whsec_</c> secret is base64 after the prefix; any other secret is used as its UTF-8 bytes.
/// </summary>
public static class StandardWebhookSigner
{
    /// <summary>The key bytes of a secret.</summary>
    public static byte[] Key(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.StartsWith("whsec_", StringComparison.Ordinal) ? Convert.FromBase64String(secret["whsec_".Length..]) : Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The <c>webhook-signature</c> header value.</summary>
    public static string Sign(string secret, string id, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(Mac(secret, id, timestamp, Encoding.UTF8.GetBytes(body)));

    /// <summary>True when one of the space-separated <c>v1,</c> signatures matches (compared in constant time).</summary>
    public static bool Verify(string secret, string id, long timestamp, byte[] body, string signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        var expected = Mac(secret, id, timestamp, body);
        var matched = false;
        foreach (var candidate in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!candidate.StartsWith("v1,", StringComparison.Ordinal))
            {
                continue;
            }

            var given = new byte[expected.Length + 3];
            if (Convert.TryFromBase64String(candidate[3..], given, out var written) && written == expected.Length)
            {
                matched |= CryptographicOperations.FixedTimeEquals(given.AsSpan(0, written), expected);
            }
        }

        return matched;
    }

    private static byte[] Mac(string secret, string id, long timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(FormattableString.Invariant($"{id}.{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        return HMACSHA256.HashData(Key(secret), signed);
    }
}
