using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Offline docs verifier: lists every technology the design will draw on, with the catalogue's version and
/// provenance. Without context7 or a registry it cannot verify anything, so every entry is honestly
/// <see cref="VerificationStatus.Unverified"/> with the reason; deprecated entries are <see cref="VerificationStatus.Outdated"/>.
/// </summary>
public sealed class DocsVerifierAgent : OfflineAgent
{
    /// <inheritdoc />
    public override string AgentId => "docs-verifier";

    /// <inheritdoc />
    protected override AgentOutput Produce(AgentInput input)
    {
        var context = input.Document.Context ?? throw new InvalidOperationException("docs-verifier needs the context section");
        var kb = KnowledgeBase.Default;
        var facts = DesignFacts.From(context);
        var plan = ComponentPlanner.Plan(facts, PatternSelector.Select(facts), kb);
        var candidates = plan.Technologies.Select(t => t.Tech).ToList();
        var regimes = new HashSet<string>(context.Compliance) { "baseline" };
        foreach (var control in kb.Controls.Controls.Where(c => regimes.Contains(c.Regime) && c.Remedy.TechnologyId.Length > 0))
        {
            if (kb.Technology(control.Remedy.TechnologyId) is { } tech && candidates.All(c => c.Id != tech.Id))
            {
                candidates.Add(tech);
            }
        }

        var section = new VerificationSection
        {
            Sources = ["knowledge-base:technologies.json"],
            Entries = [.. candidates.Select(t => Entry(t, kb.Technologies.CheckedAt))],
        };
        var notes = $"{section.Entries.Count} technologies listed; none verified against current docs (offline model: no context7, no registry)";
        return Output("done", notes, (SectionNames.Verification, section));
    }

    private static VerificationEntry Entry(TechnologyInfo tech, string checkedAt) => new()
    {
        TechnologyId = tech.Id,
        Name = tech.Name,
        Ecosystem = tech.Ecosystem,
        ChosenVersion = tech.Version,
        LatestStable = null,
        DocSource = "offline knowledge base: " + tech.VersionSource,
        DocsUrl = tech.DocsUrl,
        CheckedAt = checkedAt,
        Status = tech.Deprecated ? VerificationStatus.Outdated : VerificationStatus.Unverified,
        Reason = tech.Deprecated
            ? $"The catalogue marks {tech.Name} as deprecated."
            : $"Version taken from the shipped catalogue ({tech.VersionSource}, {checkedAt}); context7 and package registries were not consulted, so current version, deprecations and advisories are not confirmed.",
    };
}
