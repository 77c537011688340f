using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// What the design exchanges with an existing system of record the brief names with its interface ("we receive pick
/// waves from it (OData) and must confirm picks back to it"): the integration adapter reads what the system sends over
/// that interface and sends back what the brief says it must, so the system is not asked to call a new API of ours.
/// Its responsibility names each exchange with its use case; those use cases get no inbound endpoint.
/// </summary>
internal static class SystemExchanges
{
    // Interfaces the adapter reads from or calls; REST, HTTP and webhooks may as well be the system calling us.
    private static readonly HashSet<string> PulledProtocols = new(StringComparer.OrdinalIgnoreCase)
    {
        "OData", "SOAP", "SFTP", "FTP", "EDI", "BAPI", "IDoc", "RFC", "AS2", "CSV", "XML", "HL7", "FHIR", "ISO 20022", "SWIFT", "LDAP",
    };

    private static readonly HashSet<string> ReceiveVerbs = new(StringComparer.OrdinalIgnoreCase) { "receive", "import", "pull", "get", "load", "fetch", "take" };

    private static readonly HashSet<string> SendVerbs = new(StringComparer.OrdinalIgnoreCase) { "send", "push", "post", "publish", "deliver", "emit", "export", "transmit" };

    private static readonly HashSet<string> ReturnVerbs = new(StringComparer.OrdinalIgnoreCase) { "confirm", "report", "send", "post", "push", "sync", "update", "return", "export", "book" };

    /// <summary>
    /// Names each exchange in the integration adapter's responsibility and returns the use cases it performs there:
    /// none of them is an endpoint of the contract. Empty when the plan has no adapter to perform them.
    /// </summary>
    public static IReadOnlySet<string> Describe(ComponentPlan plan, RequirementsModel model)
    {
        var adapter = plan.Components.FirstOrDefault(c => c.Id == "integration");
        var exchanges = adapter is null ? [] : Exchanges(plan, model);
        if (adapter is null || exchanges.Count == 0)
        {
            return new HashSet<string>();
        }

        var protocols = Protocols(model);
        var parts = exchanges.GroupBy(e => (e.System, e.Inbound)).Select(g =>
        {
            var things = DesignWords.List([.. g.Select(e => e.UseCase.Object.ToLowerInvariant()).Distinct(StringComparer.Ordinal)]);
            var ids = string.Join(", ", g.Select(e => e.UseCase.Id));
            return g.Key.Inbound
                ? $"reads {things} from {g.Key.System} over {DesignWords.List(protocols)} ({ids}) on a schedule with a delta cursor and stores each batch in one transaction, so {g.Key.System} never calls an API of ours"
                : $"sends {things} back to {g.Key.System} ({ids}) from the outbox, retried with backoff until acknowledged";
        });
        adapter.Responsibility = $"{adapter.Responsibility.TrimEnd('.')}. It {string.Join("; it ", parts)}.";
        return exchanges.Select(e => e.UseCase.Id).ToHashSet(StringComparer.Ordinal);
    }

    private static List<(UseCase UseCase, string System, bool Inbound)> Exchanges(ComponentPlan plan, RequirementsModel model)
    {
        var systems = plan.Components.Where(c => c.Id.StartsWith("ext-", StringComparison.Ordinal)).Select(c => c.Name).ToList();
        if (systems.Count == 0 || Protocols(model).Count == 0)
        {
            return [];
        }

        var result = new List<(UseCase, string, bool)>();
        foreach (var useCase in model.UseCases)
        {
            var sender = systems.FirstOrDefault(s => s.Equals(useCase.Actor, StringComparison.OrdinalIgnoreCase));
            if (sender is not null && SendVerbs.Contains(useCase.Action.Split(' ')[0]))
            {
                result.Add((useCase, sender, true));
                continue;
            }

            if (useCase.Actor != "System")
            {
                continue;
            }

            // The system's own exchange with the one existing system, or with the system its sentence names.
            var named = systems.FirstOrDefault(s => useCase.Text.Contains(s, StringComparison.OrdinalIgnoreCase))
                ?? (systems.Count == 1 && ToIt(useCase.Text) ? systems[0] : null);
            if (named is null)
            {
                continue;
            }

            if (ReceiveVerbs.Contains(useCase.Action))
            {
                result.Add((useCase, named, true));
            }
            else if (ReturnVerbs.Contains(useCase.Action))
            {
                result.Add((useCase, named, false));
            }
        }

        return result;
    }

    private static bool ToIt(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"\b(?:from|to|into|back\s+to|with)\s+(?:it|them)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static List<string> Protocols(RequirementsModel model) =>
        [.. model.ExistingDecisions.SelectMany(d => d.Technologies).Where(PulledProtocols.Contains).Distinct(StringComparer.OrdinalIgnoreCase)];
}
