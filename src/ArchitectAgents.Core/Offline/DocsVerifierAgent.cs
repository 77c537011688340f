using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Offline docs verifier: lists every technology the design will draw on, with the catalogue's version and
/// provenance. Without context7 or a registry it cannot verify anything, so every entry is honestly
/// <see cref="VerificationStatus.Unverified"/> (offline catalogue, checked on the catalogue's date); deprecated
/// entries are <see cref="VerificationStatus.Outdated"/>.
/// </summary>
public sealed class DocsVerifierAgent : OfflineAgent
{
    /// <summary>The <see cref="VerificationEntry.DocSource"/> of entries taken from the shipped catalogue.</summary>
    public const string OfflineSource = "offline catalogue";

    /// <inheritdoc />
    public override string AgentId => "docs-verifier";

    /// <summary>
    /// The technologies a design for this context can draw on: the planned stack plus the technologies the
    /// baseline and regime controls bring in. Shared with the lookup-backed verifier, so both check the same list.
    /// </summary>
    public static IReadOnlyList<TechnologyInfo> Candidates(ContextSection context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kb = KnowledgeBase.Default;
        var facts = DesignFacts.From(context);
        var plan = ComponentPlanner.Plan(facts, PatternSelector.Select(facts), kb);
        // Adopting a product replaces the built stack: the product is what there is to verify.
        if (BuildOrBuy.Adopted(facts, plan, ProductCatalog.Default) is { } product)
        {
            return [product];
        }

        var candidates = plan.Technologies.Select(t => t.Tech).ToList();
        var regimes = new HashSet<string>(context.Compliance) { "baseline" };
        foreach (var control in kb.Controls.Controls.Where(c => regimes.Contains(c.Regime) && c.Remedy.TechnologyId.Length > 0))
        {
            if (plan.Kit?.ForControl(kb.Technology(control.Remedy.TechnologyId)) is { } tech && candidates.All(c => c.Id != tech.Id))
            {
                candidates.Add(tech);
            }
        }

        return candidates;
    }

    /// <summary>The offline entry of a technology: the catalogue's version, unverified unless the catalogue marks it deprecated.</summary>
    public static VerificationEntry OfflineEntry(TechnologyInfo tech, string checkedAt)
    {
        ArgumentNullException.ThrowIfNull(tech);
        return new VerificationEntry
        {
            TechnologyId = tech.Id,
            Name = tech.Name,
            Ecosystem = tech.Ecosystem,
            ChosenVersion = tech.Version,
            LatestStable = null,
            DocSource = OfflineSource,
            DocsUrl = tech.DocsUrl,
            SourceUrls = tech.DocsUrl.Length > 0 ? [tech.DocsUrl] : [],
            CheckedAt = checkedAt,
            Status = tech.Deprecated ? VerificationStatus.Outdated : VerificationStatus.Unverified,
            Reason = tech.Deprecated
                ? $"offline catalogue, checked {checkedAt}: the catalogue marks {tech.Name} as deprecated."
                : $"offline catalogue, checked {checkedAt}: version from {tech.VersionSource}; context7, package registries and advisories were not consulted.",
        };
    }

    /// <inheritdoc />
    protected override AgentOutput Produce(AgentInput input)
    {
        var context = input.Document.Context ?? throw new InvalidOperationException("docs-verifier needs the context section");
        var checkedAt = KnowledgeBase.Default.Technologies.CheckedAt;
        var section = new VerificationSection
        {
            Sources = ["knowledge-base:technologies.json"],
            Entries = [.. Candidates(context).Select(t => OfflineEntry(t, checkedAt))],
        };
        var notes = $"{section.Entries.Count} technologies listed, all unverified (offline catalogue, checked {checkedAt}): no context7, no registry";
        return Output("done", notes, (SectionNames.Verification, section));
    }
}
