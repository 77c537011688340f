using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// The systems the brief already runs and the catalogue does not know (a channel manager, an ERP, a KYC vendor,
/// handheld scanners): each becomes an external component of the design, connected to the application, so the
/// diagram, the trace and the reader see it kept and integrated rather than silently dropped. Catalogue products are
/// the kit's business (picked or departed from), clouds are the platform's.
/// </summary>
internal static class ExternalSystems
{
    private const int Max = 6;

    public static void Add(ComponentPlan plan, DesignFacts f, KnowledgeBase kb)
    {
        var core = plan.Has("app") ? "app" : plan.Has("core") ? "core" : "api";
        var added = 0;
        foreach (var decision in f.Context.Requirements.ExistingDecisions)
        {
            foreach (var name in decision.Technologies.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (added >= Max || Known(name, kb) || f.Excludes(name) || plan.Components.Any(c => ExistingStack.Mentions(c.Name, name)))
                {
                    continue;
                }

                var id = "ext-" + Slug(name);
                if (plan.Has(id))
                {
                    continue;
                }

                plan.Add(id, name, "external", "Existing system the brief names: kept and integrated through its current interface, with retries and a reconciliation job; this design does not replace it.");
                plan.Connect(core, id, "integration", async: true);
                added++;
            }
        }
    }

    // A product of the technology catalogue, or a cloud provider, is placed by the kit and not drawn as a system here.
    private static bool Known(string name, KnowledgeBase kb) =>
        kb.Technologies.Technologies.Any(t => KitFitter.Names(t).Append(t.Name).Any(n => n.Length > 0 && (ExistingStack.Mentions(name, n) || ExistingStack.Mentions(n, name))))
        || KitNames.IsCloud(name);

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
}
