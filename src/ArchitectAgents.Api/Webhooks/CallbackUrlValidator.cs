using ArchitectAgents.Runs.Deliveries;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>Checks a callback URL when a run is created: callbacks must be signable and the target allowed (see <see cref="CallbackAddressPolicy"/>).</summary>
internal sealed class CallbackUrlValidator(CallbackAddressPolicy policy, IOptionsMonitor<CallbackOptions> options)
{
    /// <returns>Why the URL is refused, or null.</returns>
    public async Task<string?> ValidateAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "must be an absolute http or https URL";
        }

        if (string.IsNullOrEmpty(options.CurrentValue.Secret))
        {
            return "callbacks are not configured on this server (Webhooks:Callbacks:Secret is not set), so they could not be signed";
        }

        return await policy.CheckAsync(uri, ct);
    }
}
