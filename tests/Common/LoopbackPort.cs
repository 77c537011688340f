using System.Net;
using System.Net.Sockets;

namespace ArchitectAgents.Tests.Common;

/// <summary>Free TCP ports on loopback, for servers started as separate processes.</summary>
internal static class LoopbackPort
{
    /// <summary>A port that was free a moment ago.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
