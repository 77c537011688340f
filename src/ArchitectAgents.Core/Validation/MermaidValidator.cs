using ArchitectAgents.Core.Document;
using static ArchitectAgents.Core.Validation.ValidationResults;

namespace ArchitectAgents.Core.Validation;

/// <summary>The diagram, parsed by Mermaid's own parser (the <c>mermaid</c> npm package under Node).</summary>
public sealed class MermaidValidator(NodeValidatorHost host) : IArtifactValidator
{
    /// <inheritdoc />
    public string Name => "mermaid";

    /// <inheritdoc />
    public string Artifact => "architecture.mmd";

    /// <inheritdoc />
    public async Task<ArtifactValidation> ValidateAsync(DesignDocument document, CancellationToken cancellationToken)
    {
        if (host.MissingTool("mermaid") is { } missing)
        {
            return Skipped(Artifact, Name, $"mermaid not available: {missing}");
        }

        var response = await host.CheckAsync("mermaid", document.Design?.Architecture.Mermaid ?? "", cancellationToken).ConfigureAwait(false);
        return NodeResults.ToValidation(Artifact, Name, "mermaid", response);
    }
}
