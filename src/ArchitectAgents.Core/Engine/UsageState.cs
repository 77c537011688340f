using System.Text.Json;
using ArchitectAgents.Core.Document;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>Per-node usage counters in workflow state (one key per node, so parallel nodes never collide).</summary>
internal static class UsageState
{
    private const string Prefix = "usage.";

    public static async ValueTask<UsageEntry> AddAsync(IWorkflowContext context, string node, string agent, string model, int calls, long inputTokens, long outputTokens, decimal costUsd, TimeSpan elapsed, CancellationToken ct)
    {
        var entry = await ReadEntryAsync(context, node, ct).ConfigureAwait(false) ?? new UsageEntry { Node = node, Agent = agent, Model = model };
        entry.Model = model;
        entry.Calls += calls;
        entry.InputTokens += inputTokens;
        entry.OutputTokens += outputTokens;
        entry.CostUsd += costUsd;
        entry.DurationMs += (long)elapsed.TotalMilliseconds;
        await context.QueueStateUpdateAsync(Prefix + node, JsonSerializer.Serialize(entry, DocumentJson.Options), DocumentState.Scope, ct).ConfigureAwait(false);
        return entry;
    }

    public static async ValueTask<UsageSection?> ReadAsync(IWorkflowContext context, IEnumerable<string> nodes, CancellationToken ct)
    {
        var entries = new List<UsageEntry>();
        foreach (var node in nodes)
        {
            if (await ReadEntryAsync(context, node, ct).ConfigureAwait(false) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries.Count == 0 ? null : Summarise(entries);
    }

    /// <summary>Totals over entries, as the usage section carries them.</summary>
    public static UsageSection Summarise(IReadOnlyList<UsageEntry> entries) => new()
    {
        Author = "engine",
        Entries = [.. entries],
        InputTokens = entries.Sum(e => e.InputTokens),
        OutputTokens = entries.Sum(e => e.OutputTokens),
        CostUsd = entries.Sum(e => e.CostUsd),
    };

    private static async ValueTask<UsageEntry?> ReadEntryAsync(IWorkflowContext context, string node, CancellationToken ct)
    {
        var json = await context.ReadStateAsync<string>(Prefix + node, DocumentState.Scope, ct).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize<UsageEntry>(json, DocumentJson.Options);
    }
}
