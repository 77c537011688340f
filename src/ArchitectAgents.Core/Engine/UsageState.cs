using System.Text.Json;
using ArchitectAgents.Core.Document;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Extensions.AI;

namespace ArchitectAgents.Core.Engine;

/// <summary>Per-node usage counters in workflow state (one key per node, so parallel nodes never collide).</summary>
internal static class UsageState
{
    private const string Prefix = "usage.";

    public static async ValueTask AddAsync(IWorkflowContext context, string node, string agent, string model, UsageDetails? usage, TimeSpan elapsed, CancellationToken ct)
    {
        var json = await context.ReadStateAsync<string>(Prefix + node, DocumentState.Scope, ct).ConfigureAwait(false);
        var entry = json is null ? new UsageEntry { Agent = agent, Model = model } : JsonSerializer.Deserialize<UsageEntry>(json, DocumentJson.Options)!;
        entry.Calls++;
        entry.InputTokens += usage?.InputTokenCount ?? 0;
        entry.OutputTokens += usage?.OutputTokenCount ?? 0;
        entry.DurationMs += (long)elapsed.TotalMilliseconds;
        await context.QueueStateUpdateAsync(Prefix + node, JsonSerializer.Serialize(entry, DocumentJson.Options), DocumentState.Scope, ct).ConfigureAwait(false);
    }

    public static async ValueTask<UsageSection?> ReadAsync(IWorkflowContext context, IEnumerable<string> nodes, CancellationToken ct)
    {
        var entries = new List<UsageEntry>();
        foreach (var node in nodes)
        {
            var json = await context.ReadStateAsync<string>(Prefix + node, DocumentState.Scope, ct).ConfigureAwait(false);
            if (json is not null)
            {
                entries.Add(JsonSerializer.Deserialize<UsageEntry>(json, DocumentJson.Options)!);
            }
        }

        return entries.Count == 0 ? null : new UsageSection
        {
            Author = "engine",
            Entries = entries,
            InputTokens = entries.Sum(e => e.InputTokens),
            OutputTokens = entries.Sum(e => e.OutputTokens),
            CostUsd = entries.Sum(e => e.CostUsd),
        };
    }
}
