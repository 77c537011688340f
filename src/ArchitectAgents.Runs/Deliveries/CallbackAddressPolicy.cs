using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>
/// Keeps callbacks away from the service's own network: loopback, link-local (cloud metadata lives there),
/// private, shared and reserved ranges are refused unless <see cref="CallbackOptions.AllowedHosts"/> lists them.
/// Checked on the resolved addresses, when a run is created and again on every connection, so a name that
/// resolves somewhere else later (DNS rebinding) is still caught.
/// </summary>
public sealed class CallbackAddressPolicy(IHostResolver resolver, IOptionsMonitor<CallbackOptions> options)
{
    private static readonly IPNetwork[] Blocked =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        // 64:ff9b:1::/48 is NAT64 for local use only (RFC 8215): whatever it embeds, it is a translator on our own network.
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("64:ff9b:1::/48"), IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>Why a callback URL is refused, or null when it may be used.</summary>
    public async Task<string?> CheckAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme is not ("http" or "https"))
        {
            return "must be an absolute http or https URL";
        }

        try
        {
            await AddressesAsync(url.IdnHost, ct).ConfigureAwait(false);
            return null;
        }
        catch (CallbackAddressRefusedException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The addresses of <paramref name="host"/> a callback may connect to.</summary>
    /// <exception cref="CallbackAddressRefusedException">The host does not resolve, or resolves to a refused address.</exception>
    public async Task<IPAddress[]> AddressesAsync(string host, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        host = host.Trim('[', ']');
        var allowed = options.CurrentValue.AllowedHosts;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await resolver.ResolveAsync(host, ct).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new CallbackAddressRefusedException($"host '{host}' does not resolve ({ex.SocketErrorCode})");
            }

            if (addresses.Length == 0)
            {
                throw new CallbackAddressRefusedException($"host '{host}' does not resolve");
            }

            if (allowed.Any(a => string.Equals(a, host, StringComparison.OrdinalIgnoreCase)))
            {
                return addresses;
            }
        }

        // Every address must pass: a name with one public and one private address could otherwise be steered to the private one.
        foreach (var address in addresses)
        {
            if (!IsPublic(address) && !allowed.Any(a => Matches(a, address)))
            {
                throw new CallbackAddressRefusedException(
                    $"'{host}' resolves to {address}, a loopback, link-local, private or reserved address; callbacks may reach it only when Webhooks:Callbacks:AllowedHosts lists it");
            }
        }

        return addresses;
    }

    /// <summary>
    /// True for globally routable unicast addresses. An IPv6 address that carries an IPv4 one (mapped, compatible,
    /// NAT64, 6to4, Teredo) is public only when every IPv4 address it carries is, since that is where it leads.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return !Blocked.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address))
            && EmbeddedIPv4.Of(address).All(IsPublic);
    }

    private static bool Matches(string entry, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.TryParse(entry, out var single))
        {
            return single.Equals(address);
        }

        return IPNetwork.TryParse(entry, out var network) && network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address);
    }

    /// <summary>
    /// An HTTP handler whose every connection goes through the policy: the connect callback resolves the host itself
    /// and dials only approved addresses, so neither redirects nor re-resolution can reach a refused address.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        // A proxy would make the connection to the proxy, not to the checked address.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await AddressesAsync(context.DnsEndPoint.Host, ct).ConfigureAwait(false);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
