using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// A "before" rule in the contract: the guarded operation names the check it runs first (<c>x-pre-checks</c>: by
/// whom, the stated budget, what happens when the check fails or times out) or the precondition it enforces
/// (<c>x-preconditions</c>), so a client sees the ordering and an implementer cannot release anything first.
/// </summary>
internal static partial class OpenApiWriter
{
    private static void Guard(Dictionary<string, object> operation, IEnumerable<UseCase> served, IReadOnlyList<PreCheck> checks, string thing)
    {
        var ids = served.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var mine = checks.Where(c => ids.Contains(c.Guarded.Id)).ToList();
        if (mine.Count == 0)
        {
            return;
        }

        var notes = new List<string>();
        var runs = mine.Where(c => !c.ByPerson).ToList();
        if (runs.Count > 0)
        {
            operation["x-pre-checks"] = runs.Select(c => new Dictionary<string, object>
            {
                ["use-case"] = c.Check.Id,
                ["check"] = $"{c.Check.Actor} {c.Check.Action} {c.Check.Object}",
                ["rule"] = c.Check.Rule ?? "",
                ["mode"] = "synchronous, in the request path",
                ["budget"] = c.BudgetText ?? "a timeout set below the operation's own latency target",
                ["on-timeout-or-error"] = $"fail closed: the {thing} is held and {c.Waits} only once a retry or a review clears it",
            }).ToArray();
            operation["x-use-cases"] = ((string[])operation["x-use-cases"]).Concat(runs.Select(c => c.Check.Id)).Distinct().ToArray();
            notes.AddRange(runs.Select(c => $"Runs {c.Check.Actor}'s {c.Check.Action} synchronously, before {c.Waits}{(c.BudgetText is { } b ? $", within {b}" : "")}; when the check refuses, fails or times out the {thing} is held (202) and {c.Waits} only once it clears (fail closed)."));
            var responses = (Dictionary<string, object>)operation["responses"];
            var created = (responses.TryGetValue("201", out var ok) || responses.TryGetValue("200", out ok)) && ok is Dictionary<string, object> d && d.TryGetValue("content", out var content) ? content : null;
            responses["202"] = created is null
                ? new Dictionary<string, object> { ["description"] = $"Held: the pre-check has not cleared the {thing} yet." }
                : new Dictionary<string, object> { ["description"] = $"Held: the pre-check has not cleared the {thing} yet.", ["content"] = created };
        }

        var preconditions = mine.Where(c => c.ByPerson).ToList();
        if (preconditions.Count > 0)
        {
            operation["x-preconditions"] = preconditions.Select(c => $"{c.Check.Id}: {c.Words}").ToArray();
            notes.AddRange(preconditions.Select(c => $"Refused (403) until {c.Words} is done."));
        }

        operation["description"] = string.Join(" ", notes);
    }
}
