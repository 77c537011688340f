using System.Net.Http.Headers;
using System.Text;
using ArchitectAgents.Runs.Deliveries;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>Posts issue comments through the GitHub REST API (github.com or Enterprise Server, per <c>ApiBaseUrl</c>).</summary>
internal sealed class GitHubCommentChannel(IOptionsMonitor<WebhookOptions> options) : IDeliveryChannel, IDisposable
{
    public const string ChannelName = "github";

    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };

    public string Name => ChannelName;

    public async Task<DeliveryAttempt> SendAsync(DeliveryRecord delivery, CancellationToken ct)
    {
        if (options.CurrentValue.GitHub.Token is not { Length: > 0 } token)
        {
            return DeliveryAttempt.Refused("Webhooks:GitHub:Token is not configured");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.TargetUrl)
        {
            Content = new StringContent(delivery.PayloadJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.UserAgent.ParseAdd("ArchitectAgents/1.0");
        return await DeliveryAttempt.PostAsync(_client, request, ct);
    }

    public void Dispose() => _client.Dispose();
}
