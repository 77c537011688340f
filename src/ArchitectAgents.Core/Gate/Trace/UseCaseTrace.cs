using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Traces each use case to what performs it: an API operation on its object (the operation's path, id or summary
/// names the object's head noun and its method or words fit the action); for the system's own behaviour also a
/// component whose responsibility names its object, or a capability adopted because of it. A contract's
/// <c>x-use-cases</c> claim counts only when the operation's words back it.
/// </summary>
internal static class UseCaseTrace
{
    public static IEnumerable<TraceRow> Rows(RequirementsModel model, TraceScope scope)
    {
        foreach (var useCase in model.UseCases)
        {
            var served = new List<string>();
            var objectWords = TraceWords.Content(useCase.Object);
            var head = objectWords.LastOrDefault();
            var action = TraceWords.Content(useCase.Action);
            var kind = ReadingLexicon.Default.OperationKind(useCase);
            // A team's "before" rule ("screens every transfer before funds are released") is kept only inside the
            // operation it guards: a separate call anyone may skip does not enforce the ordering.
            var ordering = useCase.Actor != "System" && useCase.Rule is { } rule && rule.StartsWith("before ", StringComparison.OrdinalIgnoreCase)
                && model.Actors.FirstOrDefault(a => a.Name.Equals(useCase.Actor, StringComparison.OrdinalIgnoreCase))?.Kind is { } actorKind && actorKind != "person";
            var separate = new List<string>();
            foreach (var (op, words) in scope.Operations)
            {
                if (op.PreChecks.Contains(useCase.Id) && head is not null && words.Contains(head))
                {
                    served.Add($"operation {op.Label} (pre-check)");
                    continue;
                }

                // The operation names the object and does the action: the verb is in its words, or its method is the
                // one the verb's kind calls for. A contract's x-use-cases claim alone proves nothing.
                // The system's own behaviour is no call a person makes: an operation serves it only by naming its action.
                if (head is not null && words.Contains(head) && (action.Any(words.Contains) || useCase.Actor != "System" && Fits(kind, op.Method)))
                {
                    (ordering ? separate : served).Add($"operation {op.Label}");
                }
            }

            // A person acts through the API; only the system's own behaviour can be performed by a component or a
            // capability alone ("Reminder worker: sends reminder SMS").
            // So can an existing system's own exchange, which the integration component performs against it.
            // So is a notification of a role ("partners get notified of order shipments"): the system sends it, by a message or a webhook.
            var notified = kind == "notify";
            var system = useCase.Actor == "System" || notified
                || scope.Design.Architecture.Components.Any(c => c.Kind == "external" && c.Name.Equals(useCase.Actor, StringComparison.OrdinalIgnoreCase));
            foreach (var (component, words) in scope.Components.Where(_ => system))
            {
                // The application or its database holding a module of that name does not perform the behaviour; a
                // worker, a queue or an outside system naming it does, and any component naming its action too.
                if (head is not null && Offline.SystemUseCases.Performs(component.Kind, useCase.Action, words.Contains(head), action.Any(words.Contains)))
                {
                    served.Add($"component {component.Id}");
                }
            }

            // In an adopted product people act through its own interface: the product serves the use cases its stated coverage names.
            var products = scope.Design.Technologies.Where(t => t.Category == "product").Select(t => t.Name).ToList();
            foreach (var (component, words) in scope.Components.Where(c => !system && products.Any(p => c.Component.Name.StartsWith(p, StringComparison.Ordinal))))
            {
                if (head is not null && words.Contains(head))
                {
                    served.Add($"component {component.Id} (adopted product)");
                }
            }

            foreach (var capability in scope.Design.Capabilities.Where(c => system && (Quotes(c.Because, useCase) || notified && TriggeredBy(c, useCase))))
            {
                served.Add($"capability {capability.Id}");
            }

            // The brief says it already runs through an existing interface: kept, not rebuilt.
            if (served.Count == 0 && ExistingPath.Of(useCase) is { } kept)
            {
                served.Add($"existing interface (kept: \"{kept}\")");
            }

            yield return new TraceRow
            {
                RequirementId = useCase.Id,
                Kind = "use-case",
                Requirement = $"{useCase.Actor} {useCase.Action} {useCase.Object}".Trim(),
                Words = useCase.Text,
                Status = served.Count > 0 ? TraceStatus.Served : TraceStatus.Unserved,
                ServedBy = served,
                Note = served.Count > 0 ? "" : separate.Count > 0
                    ? $"'{useCase.Rule}' is an ordering: only a separate call ({string.Join(", ", separate)}) was found, no operation runs the check before it completes (x-pre-checks)"
                    : head is null
                    ? "the use case names no object to look for"
                    : system ? $"no operation, component or capability names '{head}'"
                    : $"no operation names '{head}' with the verb '{useCase.Action}' or the method its kind calls for (a person acts through the API)",
            };
        }
    }

    /// <summary>A use case the brief defers is served by the roadmap phase that schedules it, not by launch operations.</summary>
    public static IEnumerable<TraceRow> Deferred(RequirementsModel model, TraceScope scope)
    {
        foreach (var useCase in model.Later)
        {
            var phase = scope.Design.Scaling.FirstOrDefault(p => p.Actions.Any(a => a.Contains($"({useCase.Id})", StringComparison.Ordinal)));
            yield return new TraceRow
            {
                RequirementId = useCase.Id,
                Kind = "use-case",
                Requirement = $"{useCase.Actor} {useCase.Action} {useCase.Object}".Trim(),
                Words = useCase.Text,
                Status = phase is null ? TraceStatus.Unserved : TraceStatus.Served,
                ServedBy = phase is null ? [] : [$"scaling phase '{phase.Phase}' (deferred: \"{useCase.Later}\")"],
                Note = phase is null ? $"the brief defers it (\"{useCase.Later}\") but no roadmap phase schedules it" : "",
            };
        }
    }

    // The HTTP method an operation of this kind uses.
    private static bool Fits(string? kind, string method) => kind switch
    {
        "create" or "transition" => method == "POST",
        "read" or "search" or "export" => method == "GET",
        "update" => method is "PATCH" or "PUT",
        "delete" => method == "DELETE",
        _ => false,
    };

    // The adopted capability would have been adopted for this use case's action alone (not for its actor): its verb triggers match it.
    private static bool TriggeredBy(CapabilityUse capability, UseCase useCase) =>
        Knowledge.CapabilityCatalog.Default.Capabilities.FirstOrDefault(c => c.Id == capability.Id) is { } entry
        && entry.Triggers.Verbs.Concat(entry.Triggers.AnyObjectVerbs).Contains(useCase.Action, StringComparer.OrdinalIgnoreCase)
        && new Offline.TriggerMatcher(new RequirementsModel { UseCases = [useCase] }, Knowledge.CapabilityCatalog.Default).Because(entry.Triggers) is { } because
        && because.StartsWith("use case:", StringComparison.Ordinal);

    private static bool Quotes(string because, UseCase u) =>
        because.Contains($"{u.Action} {u.Object}", StringComparison.OrdinalIgnoreCase);
}
