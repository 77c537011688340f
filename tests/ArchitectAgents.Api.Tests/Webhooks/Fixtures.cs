using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Api.Tests.Webhooks;

/// <summary>The recorded deliveries under Fixtures/ and the signatures @octokit/webhooks-methods made for them.</summary>
internal static class Fixtures
{
    private static readonly Lazy<JsonElement> Signatures = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "signatures.json"))).RootElement.Clone());

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "ArchitectAgents.Api.Tests", "Webhooks", "Fixtures");

    /// <summary>The secret the fixtures were signed with.</summary>
    public static string Secret => Signatures.Value.GetProperty("secret").GetString()!;

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    /// <summary>The signature recorded by the independent signer for the file's exact bytes.</summary>
    public static string Signature(string name) => Signatures.Value.GetProperty("signatures").GetProperty(name).GetString()!;

    /// <summary>Our own sha256= signature, for payloads made up in a test.</summary>
    public static string Sign(string secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static async Task<HttpResponseMessage> PostGitHubAsync(this HttpClient client, string eventName, string deliveryId, byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/github") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        request.Headers.Add("User-Agent", "GitHub-Hookshot/test");
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<HttpResponseMessage> PostJiraAsync(this HttpClient client, string identifier, byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/jira") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Atlassian-Webhook-Identifier", identifier);
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature", signature);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
}
