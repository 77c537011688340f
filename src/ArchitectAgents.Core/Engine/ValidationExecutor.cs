using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Core.Workflows;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Engine;

/// <summary>Code node that runs every artifact validator on the current design and writes <c>validation</c>.</summary>
internal sealed class ValidationExecutor(
    NodeDefinition node,
    WorkflowDefinition workflow,
    IReadOnlyList<IArtifactValidator> validators,
    TimeProvider time,
    INodeJournal? journal) : NodeExecutor(node, workflow, time, journal)
{
    protected override async ValueTask<NodeResult> ExecuteAsync(IWorkflowContext context, int round, IReadOnlyDictionary<string, string>? answers, CancellationToken cancellationToken)
    {
        var document = await DocumentState.ReadAsync(context, null, withHistory: false, cancellationToken).ConfigureAwait(false);
        var results = await Task.WhenAll(validators.Select(v => RunOneAsync(v, document, cancellationToken))).ConfigureAwait(false);
        var section = new ValidationSection { Results = [.. results], Sources = [SectionNames.Design] };
        var written = await DocumentState.WriteSectionAsync(context, SectionNames.Validation, section, Id, round, Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var failed = results.Count(r => r.Outcome == ValidationOutcome.Failed);
        var skipped = results.Count(r => r.Outcome == ValidationOutcome.Skipped);
        return new NodeResult("done", $"{results.Length} checks: {results.Length - failed - skipped} passed, {failed} failed, {skipped} skipped", [SectionNames.Validation]) { Written = [written] };
    }

    private static async Task<ArtifactValidation> RunOneAsync(IArtifactValidator validator, DesignDocument document, CancellationToken ct)
    {
        try
        {
            return await validator.ValidateAsync(document, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A broken validator is reported, not turned into a pass and not allowed to kill the run.
            return new ArtifactValidation
            {
                Artifact = validator.Artifact,
                Validator = validator.Name,
                Outcome = ValidationOutcome.Skipped,
                SkippedReason = $"validator error: {ex.Message}",
            };
        }
    }
}
