using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Gate;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Requirements;

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
        var lexicon = ReadingLexicon.Default;
        var added = 0;
        var carried = new List<string>();
        var protocols = new List<string>();
        var reached = new List<(string Id, string Name, string Text)>();
        foreach (var decision in f.Context.Requirements.ExistingDecisions)
        {
            foreach (var name in decision.Technologies.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (added >= Max || Known(name, kb) || f.Excludes(name) || plan.Components.Any(c => ExistingStack.Mentions(c.Name, name)))
                {
                    continue;
                }

                // An operating system or protocol (Android, OData) is how parts run or talk, and a product named
                // before a device noun ("Zebra TC52 handhelds") is hardware the clients run on: neither is a system
                // the design calls, holds keys for or pays per transaction.
                if (lexicon.ProtocolNames.Contains(name))
                {
                    protocols.Add(name);
                    continue;
                }

                // The organisation's host ("our web host (Krystal)") runs the design; it is no system the design calls.
                if (IsHost(name, decision.Text))
                {
                    continue;
                }

                if (lexicon.PlatformNames.Contains(name) || IsDevice(name, decision.Text, lexicon))
                {
                    carried.Add(name);
                    continue;
                }

                var id = "ext-" + Slug(name);
                if (plan.Has(id))
                {
                    continue;
                }

                plan.Add(id, name, "external", "Existing system the brief names: kept and integrated through its current interface, with retries and a reconciliation job; this design does not replace it.");
                reached.Add((id, name, decision.Text));
                added++;
            }
        }

        // A system the brief says reaches it through another ("Booking.com and Expedia, which reach us via our
        // channel manager (SiteMinder)") is connected to that one, not integrated a second time.
        foreach (var (id, name, text) in reached)
        {
            var via = Via(name, text, reached.Where(r => r.Id != id).Select(r => r.Name));
            if (via is not null && plan.Components.FirstOrDefault(c => c.Id == id) is { } external)
            {
                external.Responsibility = $"Existing channel the brief names: it reaches this system only through {via}, so nothing here calls it directly; its bookings, changes and cancellations arrive as {via}'s messages.";
                plan.Connect("ext-" + Slug(via), id, "relays", async: true);
                continue;
            }

            // The integration adapter, when the plan has one, is what calls the system (with its queue and retries).
            plan.Connect(plan.Has("integration") ? "integration" : core, id, "integration", async: true);
        }

        foreach (var external in plan.Components.Where(c => c.Id.StartsWith("ext-", StringComparison.Ordinal) && protocols.Count > 0))
        {
            external.Responsibility = external.Responsibility.Replace("its current interface", $"its current interface ({DesignWords.List(protocols.Distinct(StringComparer.OrdinalIgnoreCase), 3)})", StringComparison.Ordinal);
        }

        plan.ClientPlatforms.AddRange(carried.Distinct(StringComparer.OrdinalIgnoreCase));
        if (plan.ClientPlatforms.Count > 0 && plan.Components.FirstOrDefault(c => c.Id == "clients") is { } clients)
        {
            clients.Responsibility = $"{clients.Responsibility.TrimEnd('.')}, {Platforms(plan)}.";
        }
    }

    /// <summary>"on Zebra TC52, Android and OData, as the brief states": what the clients run on, for their responsibility.</summary>
    public static string Platforms(ComponentPlan plan) => $"on {DesignWords.List(plan.ClientPlatforms, 4)}, as the brief states";

    /// <summary>The system named after "via" or "through" in the clause that names this one first, or null.</summary>
    private static string? Via(string name, string text, IEnumerable<string> others)
    {
        var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        var via = System.Text.RegularExpressions.Regex.Match(text[(at < 0 ? 0 : at)..], @"\b(?:via|through|by\s+way\s+of)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (at < 0 || !via.Success)
        {
            return null;
        }

        // Within the sentence, after the connective, before the next full stop.
        var after = text[(at + via.Index + via.Length)..];
        var end = after.IndexOfAny(['.', ';']);
        var window = end < 0 ? after : after[..end];
        return others.Where(o => window.Contains(o, StringComparison.OrdinalIgnoreCase))
            .OrderBy(o => window.IndexOf(o, StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
    }

    private static bool IsHost(string name, string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"\b(?:web\s+host|host(?:ing)?(?:\s+(?:provider|company|partner))?|hoster|ISP|data\s*cent(?:re|er)\s+provider)\s*\(\s*" + System.Text.RegularExpressions.Regex.Escape(name) + @"\s*\)",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static bool IsDevice(string name, string text, ReadingLexicon lexicon)
    {
        var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        var next = text[(at + name.Length)..].TrimStart().Split([' ', ',', ';', '.', ')', '('], 2, StringSplitOptions.RemoveEmptyEntries);
        return next.Length > 0 && lexicon.DeviceNouns.Contains(next[0]);
    }

    // A product of the technology catalogue, or a cloud provider, is placed by the kit and not drawn as a system here.
    private static bool Known(string name, KnowledgeBase kb) =>
        kb.Technologies.Technologies.Any(t => KitFitter.Names(t).Append(t.Name).Any(n => n.Length > 0 && (ExistingStack.Mentions(name, n) || ExistingStack.Mentions(n, name))))
        || KitNames.IsCloud(name);

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
}
