using System.Globalization;
using System.Text;

namespace ArchitectAgents.Runs.Execution;

/// <summary>Opaque keyset-pagination cursor: creation time and id of the last item of a page.</summary>
public static class RunCursor
{
    /// <summary>Encodes a position.</summary>
    public static string Encode(DateTimeOffset createdAt, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{createdAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a cursor; false when absent or malformed.</summary>
    public static bool TryDecode(string? cursor, out DateTimeOffset createdAt, out string id)
    {
        createdAt = default;
        id = "";
        if (string.IsNullOrEmpty(cursor))
        {
            return false;
        }

        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 2);
            // Ticks outside DateTimeOffset's range (a crafted "-1|x") are as malformed as bad base64.
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks)
            {
                createdAt = new DateTimeOffset(ticks, TimeSpan.Zero);
                id = parts[1];
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }

    /// <summary>True when the cursor is absent or well-formed.</summary>
    public static bool IsValid(string? cursor) => string.IsNullOrEmpty(cursor) || TryDecode(cursor, out _, out _);
}
