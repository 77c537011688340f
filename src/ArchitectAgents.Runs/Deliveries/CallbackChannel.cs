using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>Run events to a run's callback URL, signed the Standard Webhooks way, through the address policy.</summary>
public sealed class CallbackChannel : IDeliveryChannel, IDisposable
{
    /// <summary>The channel name.</summary>
    public const string ChannelName = "callback";

    private readonly HttpClient _client;
    private readonly IOptionsMonitor<CallbackOptions> _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the channel.</summary>
    public CallbackChannel(CallbackAddressPolicy policy, IOptionsMonitor<CallbackOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _options = options;
        _time = time;
        _client = new HttpClient(policy.CreateHandler()) { Timeout = TimeSpan.FromSeconds(options.CurrentValue.TimeoutSeconds) };
    }

    /// <inheritdoc />
    public string Name => ChannelName;

    /// <inheritdoc />
    public async Task<DeliveryAttempt> SendAsync(DeliveryRecord delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var settings = _options.CurrentValue;
        if (string.IsNullOrEmpty(settings.Secret))
        {
            return DeliveryAttempt.Refused("Webhooks:Callbacks:Secret is not configured, so the callback cannot be signed");
        }

        // The timestamp is the attempt's, so a receiver's replay window applies to each attempt; the id and body never change.
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.TargetUrl)
        {
            Content = new StringContent(delivery.PayloadJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhookSigner.Sign(settings.Secret, delivery.Id, timestamp, delivery.PayloadJson));
        request.Headers.UserAgent.ParseAdd("ArchitectAgents-Webhooks/1.0");
        return await DeliveryAttempt.PostAsync(_client, request, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
