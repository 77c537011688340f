using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Traces each use case to what performs it: an API operation on its object (the operation's path, id or summary
/// names the object's head noun and its method or words fit the action), a component whose responsibility names it
/// (automated behaviour, integrations), or a capability adopted because of it. A contract's <c>x-use-cases</c> claim
/// counts only when the operation's words back it.
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
            var kind = ReadingLexicon.Default.OperationKind(useCase.Action);
            foreach (var (op, words) in scope.Operations)
            {
                var names = head is not null && words.Contains(head);
                var does = action.Any(words.Contains) || Fits(kind, op.Method);
                var claimed = op.UseCases.Contains(useCase.Id, StringComparer.Ordinal);
                if (names && (does || claimed) || claimed && action.Any(words.Contains))
                {
                    served.Add($"operation {op.Label}");
                }
            }

            foreach (var (component, words) in scope.Components)
            {
                // A component performs it when it names the object and the action, or, for the system's own
                // behaviour, the object alone ("Reminder worker: sends reminder SMS").
                if (head is not null && words.Contains(head) && (action.Any(words.Contains) || useCase.Actor == "System"))
                {
                    served.Add($"component {component.Id}");
                }
            }

            foreach (var capability in scope.Design.Capabilities.Where(c => Quotes(c.Because, useCase)))
            {
                served.Add($"capability {capability.Id}");
            }

            yield return new TraceRow
            {
                RequirementId = useCase.Id,
                Kind = "use-case",
                Requirement = $"{useCase.Actor} {useCase.Action} {useCase.Object}".Trim(),
                Words = useCase.Text,
                Status = served.Count > 0 ? TraceStatus.Served : TraceStatus.Unserved,
                ServedBy = served,
                Note = served.Count > 0 ? "" : head is null
                    ? "the use case names no object to look for"
                    : $"no operation names '{head}' with a fitting method or the verb '{useCase.Action}', and no component or capability performs it",
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

    private static bool Quotes(string because, UseCase u) =>
        because.Contains($"{u.Action} {u.Object}", StringComparison.OrdinalIgnoreCase);
}
