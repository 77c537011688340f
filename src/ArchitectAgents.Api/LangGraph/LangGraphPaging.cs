using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArchitectAgents.Api.LangGraph;

/// <summary>Limit/offset paging and metadata filters as LangGraph's search endpoints take them.</summary>
internal static class LangGraphPaging
{
    /// <summary>Most items one page returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Reads <c>limit</c> (default 10) and <c>offset</c> (default 0) from a search body.</summary>
    public static (int Limit, int Offset, (string Field, string Error)? Error) Read(JsonElement body)
    {
        var limit = 10;
        var offset = 0;
        if (body.TryGetProperty("limit", out var l) && l.ValueKind != JsonValueKind.Null && (!l.TryGetInt32(out limit) || limit is < 1 or > MaxLimit))
        {
            return (0, 0, ("limit", $"must be a whole number between 1 and {MaxLimit}"));
        }

        if (body.TryGetProperty("offset", out var o) && o.ValueKind != JsonValueKind.Null && (!o.TryGetInt32(out offset) || offset < 0))
        {
            return (0, 0, ("offset", "must be a whole number, 0 or more"));
        }

        return (limit, offset, null);
    }

    /// <summary>Reads <c>limit</c> and <c>offset</c> from a query string.</summary>
    public static (int Limit, int Offset, (string Field, string Error)? Error) Read(string? limitText, string? offsetText)
    {
        if (!Runs.Query.TryInt(limitText, out var limit) || limit is < 1 or > MaxLimit)
        {
            return (0, 0, ("limit", $"must be a whole number between 1 and {MaxLimit}"));
        }

        if (!Runs.Query.TryInt(offsetText, out var offset) || offset < 0)
        {
            return (0, 0, ("offset", "must be a whole number, 0 or more"));
        }

        return (limit ?? 10, offset ?? 0, null);
    }

    /// <summary>True when every key of <paramref name="filter"/> has the same value in <paramref name="metadata"/>.</summary>
    public static bool Contains(JsonObject metadata, JsonObject filter)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(filter);
        return filter.All(f => metadata.TryGetPropertyValue(f.Key, out var value) && JsonNode.DeepEquals(value, f.Value));
    }
}
