using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>
/// The IPv4 addresses an IPv6 address carries, for the transition forms that reach them: a callback to one of
/// these goes to the embedded IPv4 host (through the kernel, a NAT64 gateway or a relay), so that host is the
/// one to check. Forms: IPv4-mapped <c>::ffff:a.b.c.d</c>, IPv4-translated <c>::ffff:0:a.b.c.d</c>,
/// IPv4-compatible <c>::a.b.c.d</c>, NAT64 <c>64:ff9b::/96</c> (RFC 6052), 6to4 <c>2002::/16</c> (RFC 3056) and
/// Teredo <c>2001::/32</c> (RFC 4380: server in clear, client XOR-obfuscated).
/// </summary>
public static class EmbeddedIPv4
{
    /// <summary>The embedded IPv4 addresses; empty for an IPv4 address or an IPv6 address of none of these forms.</summary>
    public static IReadOnlyList<IPAddress> Of(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return [];
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        var high = BinaryPrimitives.ReadUInt64BigEndian(b);
        var word4 = BinaryPrimitives.ReadUInt16BigEndian(b[8..]);
        var word5 = BinaryPrimitives.ReadUInt16BigEndian(b[10..]);
        var last32 = new IPAddress(b[12..].ToArray());

        // ::a.b.c.d, ::ffff:a.b.c.d and ::ffff:0:a.b.c.d (:: and ::1 land in 0.0.0.0/8 here, which is refused too).
        if (high == 0 && ((word4 == 0 && word5 is 0 or 0xffff) || (word4 == 0xffff && word5 == 0)))
        {
            return [last32];
        }

        // 64:ff9b::a.b.c.d, the well-known NAT64 prefix.
        if (high == 0x0064_ff9b_0000_0000 && word4 == 0 && word5 == 0)
        {
            return [last32];
        }

        // 2002:AABB:CCDD::/48, a 6to4 network whose relay-facing IPv4 is AA.BB.CC.DD.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return [new IPAddress(b[2..6].ToArray())];
        }

        // 2001:0000:SSSS:SSSS:flags:port:CCCC:CCCC, Teredo; the client address is stored with every bit flipped.
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
        {
            var client = b[12..].ToArray();
            for (var i = 0; i < client.Length; i++)
            {
                client[i] = (byte)~client[i];
            }

            return [new IPAddress(b[4..8].ToArray()), new IPAddress(client)];
        }

        return [];
    }
}
