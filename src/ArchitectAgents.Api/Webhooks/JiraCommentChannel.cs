using System.Net.Http.Headers;
using System.Text;
using ArchitectAgents.Runs.Deliveries;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>Posts issue comments (Atlassian Document Format) through the Jira Cloud REST API v3, with basic auth (e-mail + API token).</summary>
internal sealed class JiraCommentChannel(IOptionsMonitor<WebhookOptions> options) : IDeliveryChannel, IDisposable
{
    public const string ChannelName = "jira";

    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };

    public string Name => ChannelName;

    public async Task<DeliveryAttempt> SendAsync(DeliveryRecord delivery, CancellationToken ct)
    {
        var jira = options.CurrentValue.Jira;
        if (jira.User is not { Length: > 0 } user || jira.ApiToken is not { Length: > 0 } apiToken)
        {
            return DeliveryAttempt.Refused("Webhooks:Jira:User and Webhooks:Jira:ApiToken are not configured");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.TargetUrl)
        {
            Content = new StringContent(delivery.PayloadJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{apiToken}")));
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.UserAgent.ParseAdd("ArchitectAgents/1.0");
        return await DeliveryAttempt.PostAsync(_client, request, ct);
    }

    public void Dispose() => _client.Dispose();
}
