namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Records that are facts once written (money movements, ledgers, audit trails, domain events, signed versions):
/// they are corrected by a new record, never deleted. Recognised by the words of the table or resource name, or by a
/// table comment that says it is append-only.
/// </summary>
public static class AppendOnlyRecords
{
    // The head noun (last word) names what a row is: payment_methods are methods, ledger_entries are ledger entries.
    private static readonly string[] HeadWords =
    [
        "posting", "postings", "payment", "payments", "refund", "refunds", "transaction", "transactions",
        "transfer", "transfers", "signature", "signatures", "versions", "history",
    ];

    // Words that make every row of the table a log entry wherever they stand.
    private static readonly string[] LogWords = ["ledger", "audit", "journal"];

    /// <summary>True when the table or resource (snake_case or kebab-case) holds append-only records.</summary>
    public static bool IsAppendOnly(string name, string? tableComment = null)
    {
        if (tableComment?.Contains("append-only", StringComparison.OrdinalIgnoreCase) == true)
        {
            return true;
        }

        var parts = name.ToLowerInvariant().Split('_', '-', '/', '.');
        // A bare "events" is often a business object (a concert); qualified ones (audit_events, domain_events) are a log.
        var qualifiedEvents = parts.Length > 1 && parts[^1] is "events" or "event";
        return qualifiedEvents || HeadWords.Contains(parts[^1], StringComparer.Ordinal) || parts.Any(p => LogWords.Contains(p, StringComparer.Ordinal));
    }
}
