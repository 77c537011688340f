using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ArchitectAgents.Api.Tests.BadInput;

/// <summary>An HTTP/1.1 response as it came off the wire.</summary>
internal sealed record RawResponse(int Status, string? ContentType, string Body);

/// <summary>
/// Sends requests byte for byte over a loopback socket, so the corpus can send what HttpClient refuses to build
/// (non-ASCII or control bytes in headers, broken chunked framing) and reach the real Kestrel limits.
/// </summary>
internal static class RawHttp
{
    /// <summary>A request with the given head lines and body; Host and Connection: close are added.</summary>
    public static byte[] Build(string method, string target, IEnumerable<string> headers, byte[]? body = null, bool chunked = false)
    {
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        if (body is not null && chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n\r\n");
            using var framed = new MemoryStream();
            framed.Write(Encoding.Latin1.GetBytes(head.ToString()));
            for (var offset = 0; offset < body.Length; offset += 64 * 1024)
            {
                var size = Math.Min(64 * 1024, body.Length - offset);
                framed.Write(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
                framed.Write(body, offset, size);
                framed.Write("\r\n"u8);
            }

            framed.Write("0\r\n\r\n"u8);
            return framed.ToArray();
        }

        if (body is not null)
        {
            head.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body ?? []];
    }

    /// <summary>Sends the request and reads until the server closes (every request asks it to); a server that never answers fails the case after a generous bound.</summary>
    public static async Task<RawResponse> SendAsync(int port, byte[] request, CancellationToken cancellation)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        bound.CancelAfter(TimeSpan.FromSeconds(60));
        var ct = bound.Token;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, ct);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, ct);
        }
        catch (IOException)
        {
            // The server may answer (413, 431) and close before it has read everything; the answer is still there to read.
        }

        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, ct);
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the response was sent (the server closed with our request bytes unread).
        }

        return Parse(received.ToArray());
    }

    private static RawResponse Parse(byte[] bytes)
    {
        var split = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (split < 0)
        {
            return new RawResponse(0, null, Encoding.Latin1.GetString(bytes));
        }

        var lines = Encoding.Latin1.GetString(bytes, 0, split).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        string? contentType = null;
        var isChunked = false;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value.Split(';')[0].Trim();
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                isChunked = true;
            }
        }

        var body = bytes.AsSpan(split + 4);
        return new RawResponse(status, contentType, Encoding.UTF8.GetString(isChunked ? Unchunk(body) : body));
    }

    private static byte[] Unchunk(ReadOnlySpan<byte> body)
    {
        using var result = new MemoryStream();
        while (body.Length > 0)
        {
            var end = body.IndexOf("\r\n"u8);
            if (end < 0)
            {
                break;
            }

            var size = Convert.ToInt32(Encoding.ASCII.GetString(body[..end]).Split(';')[0], 16);
            if (size == 0 || end + 2 + size > body.Length)
            {
                break;
            }

            result.Write(body.Slice(end + 2, size));
            body = body[Math.Min(body.Length, end + 2 + size + 2)..];
        }

        return result.ToArray();
    }
}
