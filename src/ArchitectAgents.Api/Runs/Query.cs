using System.Globalization;

namespace ArchitectAgents.Api.Runs;

/// <summary>Query-string parsing that lets the endpoint name the field when a value is malformed.</summary>
internal static class Query
{
    public static bool TryInt(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    public static bool TryTime(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }
}
