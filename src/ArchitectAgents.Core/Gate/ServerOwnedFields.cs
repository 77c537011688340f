namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Which fields the server decides and a client must never set (OWASP API3, mass assignment): identity, lifecycle
/// state, timestamps of what already happened, who acted, values the server derives, and ids a provider assigns.
/// Decided by the shape of the name, so it holds for any entity, not a list of one domain's columns.
/// </summary>
public static class ServerOwnedFields
{
    // Lifecycle and identity: the server moves a record through its states; a client asks for a transition by an action.
    private static readonly HashSet<string> Exact = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "status", "state", "created_at", "updated_at", "deleted_at",
        "owner", "owner_id", "author_id", "sender_id", "requester_id", "follower_id", "tenant_id",
        "total", "subtotal", "tax", "tax_amount", "total_amount", "grand_total", "balance", "balance_after", "fee", "fees",
        "sent_at", "paid_at", "read_at", "failure_reason", "held_at", "held_reason", "hold_reason",
        "hold_expires_at", // a hold runs out when the server says, or a client could hold for ever
    };

    // Times a client legitimately chooses (a slot, a device's own clock) although the name reads like an event.
    private static readonly HashSet<string> ClientChosenTimes = new(StringComparer.OrdinalIgnoreCase)
    {
        "scheduled_at", "recorded_at", "planned_at", "expected_at", "requested_for",
    };

    /// <summary>True when the server owns the field.</summary>
    public static bool IsServerOwned(string field)
    {
        var name = field.Trim();
        if (Exact.Contains(name))
        {
            return true;
        }

        if (ClientChosenTimes.Contains(name))
        {
            return false;
        }

        return name.EndsWith("ed_at", StringComparison.OrdinalIgnoreCase)        // confirmed_at, captured_at: something that already happened
            || name.StartsWith("last_", StringComparison.OrdinalIgnoreCase) && name.EndsWith("_at", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("_by", StringComparison.OrdinalIgnoreCase)          // created_by, initiated_by: the caller, from the token
            || name.EndsWith("_status", StringComparison.OrdinalIgnoreCase)      // scan_status, payment_status: states the server moves
            || name.EndsWith("_state", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("_count", StringComparison.OrdinalIgnoreCase)       // counters the server maintains
            || name == "position" || name.EndsWith("_position", StringComparison.OrdinalIgnoreCase) // a place in a queue the server assigns
            || name.EndsWith("_hash", StringComparison.OrdinalIgnoreCase)        // digests the server computes
            || name.StartsWith("provider_", StringComparison.OrdinalIgnoreCase) && name.EndsWith("_id", StringComparison.OrdinalIgnoreCase); // assigned by the PSP or IdP
    }

    /// <summary>Why the server owns it, for evidence.</summary>
    public static string Reason(string field) => field.ToLowerInvariant() switch
    {
        "id" => "identity",
        var f when f is "status" or "state" || f.EndsWith("_status", StringComparison.Ordinal) || f.EndsWith("_state", StringComparison.Ordinal) => "lifecycle state",
        var f when f.EndsWith("_at", StringComparison.Ordinal) => "timestamp",
        var f when f.EndsWith("_by", StringComparison.Ordinal) || f.StartsWith("owner", StringComparison.Ordinal) || f is "author_id" or "sender_id" or "requester_id" or "follower_id" or "tenant_id" => "who acted",
        var f when f.StartsWith("provider_", StringComparison.Ordinal) => "provider-assigned id",
        var f when f == "position" || f.EndsWith("_position", StringComparison.Ordinal) => "place in a queue",
        _ => "derived by the server",
    };
}
