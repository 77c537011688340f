using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// The system's own use cases (reminders, nightly builds, automatic promotions) are performed by a background
/// component: the plan's worker or job runner says which ones it runs, and a plan without one gets a scheduled-jobs
/// worker on the application's compute. A use case a component already names (a notification provider that sends the
/// SMS) is left to it.
/// </summary>
internal static class SystemUseCases
{
    private static readonly string[] Runners = ["jobs", "worker", "workers", "fanout"];

    // Rules the system keeps inside the requests that could break them ("enforce ticket limits"), not work of its own.
    private static readonly HashSet<string> InRequestVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "enforce", "validate", "check", "prevent", "ensure", "limit", "verify", "reject", "block", "refuse",
    };

    /// <summary>True when the component performs the system's use case: a worker, queue or outside system naming its object, or any component naming its action too (or holding the object of a rule kept inside requests).</summary>
    public static bool Performs(string kind, string action, bool namesObject, bool namesAction) =>
        namesObject && (kind is not ("service" or "database" or "client" or "gateway") || namesAction || InRequestVerbs.Contains(action) && kind is "service" or "gateway");

    public static void Assign(ComponentPlan plan, RequirementsModel model)
    {
        var pending = model.UseCases.Where(u => u.Actor == "System" && !plan.Components.Any(c => Names(c, u))).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var runner = Runners.Select(id => plan.Components.FirstOrDefault(c => c.Id == id)).FirstOrDefault(c => c is not null);
        if (runner is null)
        {
            var core = plan.Components.FirstOrDefault(c => c.Id is "app" or "core" or "api");
            runner = plan.Add("jobs", "Scheduled jobs", "worker", "Same codebase, run on a schedule or from the job queue; each run is idempotent and records its outcome.");
            runner.TechnologyId = core?.TechnologyId;
            plan.Connect(core?.Id ?? "app", "jobs", "schedule", async: true);
            plan.Connect("jobs", plan.Has("db") ? "db" : plan.Has("coredb") ? "coredb" : core?.Id ?? "app", "SQL");
        }

        runner.Responsibility = $"{runner.Responsibility.TrimEnd('.')}. Runs the system's own use cases: {string.Join("; ", pending.Select(u => $"{u.Action} {u.Object}{(u.Rule is { Length: > 0 } r ? $" ({r})" : "")}"))}.";
    }

    private static bool Names(Component c, UseCase u)
    {
        var head = u.Object.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant();
        if (head is null)
        {
            return false;
        }

        // The application listing a module of the same name does not perform the behaviour ("waitlists" is no
        // promotion): a request-serving or storing component counts only when it also names the action.
        var text = $"{c.Name} {c.Responsibility}".ToLowerInvariant();
        var names = ExistingStack.Mentions(text, head) || ExistingStack.Mentions(text, Inflection.Singular(head)) || ExistingStack.Mentions(text, Inflection.Plural(head));
        return Performs(c.Kind, u.Action, names, ExistingStack.Mentions(text, u.Action));
    }
}
