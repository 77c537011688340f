using System.Net;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>Resolves host names for callback checks (a seam so tests can make a name resolve to a private address).</summary>
public interface IHostResolver
{
    /// <summary>Every address the host resolves to.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

/// <summary>The system resolver.</summary>
public sealed class DnsHostResolver : IHostResolver
{
    /// <inheritdoc />
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
