using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Offline;

namespace ArchitectAgents.Core.Verification;

/// <summary>
/// The docs verifier when verification is enabled: the same candidates as the offline verifier, each checked by
/// <see cref="TechnologyVerifier"/> against context7, its package registry and OSV advisories.
/// </summary>
public sealed class LookupDocsVerifierAgent(TechnologyVerifier verifier) : OfflineAgent
{
    /// <inheritdoc />
    public override string AgentId => "docs-verifier";

    /// <inheritdoc />
    protected override AgentOutput Produce(AgentInput input) =>
        throw new NotSupportedException("the lookup-backed docs verifier only runs asynchronously");

    /// <inheritdoc />
    protected override async ValueTask<AgentOutput> ProduceAsync(AgentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = input.Document.Context ?? throw new InvalidOperationException("docs-verifier needs the context section");
        var section = await verifier.VerifyAsync(DocsVerifierAgent.Candidates(context), cancellationToken).ConfigureAwait(false);
        var counts = section.Entries.GroupBy(e => e.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        var notes = $"{section.Entries.Count} checked against current sources: {string.Join(", ", counts)}";
        return Output("done", notes, (SectionNames.Verification, section));
    }
}
