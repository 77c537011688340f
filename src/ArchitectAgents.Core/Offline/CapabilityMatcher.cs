using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Matches the capability catalogue against the requirements model and applies each matched capability to the plan:
/// its components (when the plan has none with that id) on the kit's technology for this hosting, or on the product
/// the brief already runs in that role. All knowledge is in capabilities.json; <see cref="TriggerMatcher"/> reads the model.
/// </summary>
internal static class CapabilityMatcher
{
    public static void Apply(DesignFacts f, ComponentPlan plan, KnowledgeBase kb, CapabilityCatalog catalog)
    {
        var model = f.Context.Requirements;
        var matcher = new TriggerMatcher(model, catalog);
        var hosting = plan.Kit?.Hosting switch
        {
            "on-prem" => "onPrem",
            "aws" or "azure" or "gcp" => plan.Kit.Hosting,
            _ => "hosted",
        };
        foreach (var capability in catalog.Capabilities)
        {
            if (matcher.Because(capability.Triggers) is not { } because)
            {
                continue;
            }

            // The organisation already runs this capability ("the core ledger is an existing system"): the design
            // uses that system through its interface and builds no second one.
            // The decision about that system (its short form names it) is quoted before one that only mentions it in passing.
            if (model.ExistingDecisions.OrderByDescending(d => capability.ExistingSystemWords.Any(w => ExistingStack.Mentions(d.Decision, w)))
                    .FirstOrDefault(d => capability.ExistingSystemWords.Any(w => ExistingStack.Mentions(d.Text, w))) is { } runs)
            {
                var kept = Use(capability, because, $"the existing system, kept (\"{Short(runs.Decision)}\")", []);
                kept.ExistingSystem = true;
                plan.Capabilities.Add(kept);
                continue;
            }

            var techText = capability.Technologies.GetValueOrDefault(hosting) ?? "";
            // A product the brief ruled out ("nobody here wants to run Kafka") is never brought in by a capability.
            var tech = kb.Technology(techText) is { Deprecated: false } t && !f.Excludes(KitFitter.ShortName(t.Name)) ? t : null;
            if (tech is null && kb.Technology(techText) is not null)
            {
                techText = $"{techText} is ruled out by the brief; the existing stack covers it";
            }

            // A product the brief already runs in the capability's role wins over the catalogue default (stated Adyen
            // stays Adyen, stated Sidekiq carries the jobs, stated Redis holds the counters).
            if (capability.Keeps.Select(category => KitFitter.Existing(f, kb, category)).FirstOrDefault(k => k is not null) is { } keptTech)
            {
                tech = keptTech;
            }
            else if (capability.Keeps.Select(category => Stated(model, category)).FirstOrDefault(s => s is not null) is { } statedName)
            {
                // Stated but not in the catalogue ("SEPA Instant"): keep it by the brief's name rather than invent one.
                tech = null;
                techText = statedName;
            }

            // The kit fills each platform role once: a capability's queue, cache, storage or CDN is the kit's.
            if (tech is { } own && plan.Kit is { } kit && kit.Decides(own.Category, out var role))
            {
                tech = role;
                techText = role is not null ? techText : own.Category switch
                {
                    "queue" => "the job table in the database (no broker to run)",
                    "payments" => kit.StatedPayments ?? own.Name,
                    _ => $"none: the platform has no separate {own.Category} product",
                };
            }

            var added = new List<string>();
            foreach (var component in capability.Components.Where(c => !plan.Has(c.Id)))
            {
                plan.Add(component.Id, component.Name, component.Kind, component.Responsibility, tech, capability.Name);
                if (component.InPath && component.ConnectFrom == "clients" && plan.Flows.FirstOrDefault(f => f.From == "clients" && f.To != "idp") is { } hop)
                {
                    // Requests reach the next hop only through it: clients → firewall → waiting room → CDN.
                    plan.Flows.Remove(hop);
                    plan.Connect("clients", component.Id, hop.Label);
                    plan.Connect(component.Id, hop.To, "HTTPS (requests it lets through)");
                }
                else
                {
                    plan.Connect(From(plan, component.ConnectFrom), component.Id, capability.Name.ToLowerInvariant(), async: component.Kind is "worker" or "queue");
                }
                added.Add(component.Name);
            }

            var use = Use(capability, because, tech?.Name ?? techText,
                added.Count > 0 ? added : [.. capability.Components.Where(c => plan.Has(c.Id)).Select(c => c.Name)]);
            use.UseCaseId = matcher.MatchedUseCase?.Id;
            plan.Capabilities.Add(use);
        }
    }

    /// <summary>
    /// A plan with a queue, or a worker that takes work off the request path (an integration adapter with retries), uses
    /// the job-queue capability even when no use case named background work: its jobs table is the transactional outbox
    /// the work waits in, so the durable queue is in schema.sql, not only in prose.
    /// </summary>
    public static void EnsureQueue(ComponentPlan plan, CapabilityCatalog catalog)
    {
        if ((plan.Components.FirstOrDefault(c => c.Kind == "queue") ?? plan.Components.FirstOrDefault(c => c.Kind == "worker")) is not { } queue || plan.Capabilities.Any(c => c.Id == "job-queue")
            || catalog.Capabilities.FirstOrDefault(c => c.Id == "job-queue") is not { } capability)
        {
            return;
        }

        plan.Capabilities.Add(Use(capability, $"the design hands work off the request path ({queue.Name})", queue.Name, [queue.Name]));
    }

    /// <summary>The brief's own product for a role that only a constraint of that kind states (payments: "SEPA Instant"), or null.</summary>
    internal static string? Stated(RequirementsModel model, string kind) =>
        model.Constraints.FirstOrDefault(c => string.Equals(c.Kind, kind, StringComparison.OrdinalIgnoreCase) && c.Value.Length > 0)?.Value;

    private static CapabilityUse Use(CapabilityInfo capability, string because, string technology, List<string> components) => new()
    {
        Id = capability.Id,
        Name = capability.Name,
        Because = because,
        Technology = technology,
        Components = components,
        Risk = capability.Risks.FirstOrDefault() ?? "",
        ScalingTrigger = capability.ScalingTriggers.FirstOrDefault() ?? "",
    };

    private static string Short(string text) => text.Length <= 80 ? text : text[..77].TrimEnd() + "...";

    private static string From(ComponentPlan plan, string connectFrom)
    {
        var core = plan.Has("app") ? "app" : plan.Has("core") ? "core" : "api";
        return connectFrom switch
        {
            "clients" => "clients",
            "jobs" when plan.Has("jobs") => "jobs",
            "worker" when plan.Has("worker") => "worker",
            "worker" when plan.Has("workers") => "workers",
            _ => core,
        };
    }
}
