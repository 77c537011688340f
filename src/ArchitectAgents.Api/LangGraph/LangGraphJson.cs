using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Api.LangGraph;

/// <summary>The small pieces of LangGraph's wire format every endpoint shares: times, stable ids, document values.</summary>
internal static class LangGraphJson
{
    /// <summary>The namespace of ids derived here (tasks, interrupts); any fixed UUID works, this one is ours.</summary>
    private static readonly Guid Namespace = Guid.Parse("3f6d3c1e-5b0a-4c3e-9a51-7c2f0e0d9b4a");

    /// <summary>An ISO 8601 UTC time with microseconds, as LangGraph servers write them.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>A time stored as Unix milliseconds.</summary>
    public static string Time(long unixMilliseconds) => Time(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds));

    /// <summary>A UUID derived from a name, the same every time, so ids of derived things (an interrupt) are stable across reads.</summary>
    public static string StableId(string name) => NameUuid(Namespace, name);

    /// <summary>RFC 9562 name-based UUID (version 5, SHA-1), as LangGraph computes with <c>uuid.v5</c>.</summary>
    public static string NameUuid(Guid ns, string name)
    {
        var nsBytes = ns.ToByteArray(bigEndian: true);
        var input = new byte[nsBytes.Length + Encoding.UTF8.GetByteCount(name)];
        nsBytes.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(name, input.AsSpan(nsBytes.Length));
#pragma warning disable CA5350 // SHA-1 is what UUID version 5 specifies; it names things, it protects nothing.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    /// <summary>
    /// A design document as thread values: the document without its revision history, which LangGraph clients read
    /// as the thread's history instead (sending it with every state would repeat the whole document each time).
    /// </summary>
    public static JsonObject Values(DesignDocument? document)
    {
        if (document is null)
        {
            return [];
        }

        var values = JsonSerializer.SerializeToNode(document, DocumentJson.Options)!.AsObject();
        values.Remove("history");
        return values;
    }

    /// <summary>Writes a response body; non-ASCII text and characters such as + stay as they are, as other JSON clients expect.</summary>
    public static string Serialize(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "null";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses a stored JSON object (metadata); anything else reads as an empty object.</summary>
    public static JsonObject Object(string json) => JsonNode.Parse(json) as JsonObject ?? [];
}
