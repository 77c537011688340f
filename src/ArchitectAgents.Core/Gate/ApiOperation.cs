namespace ArchitectAgents.Core.Gate;

/// <summary>One operation of the OpenAPI contract, as the checks see it.</summary>
public sealed record ApiOperation
{
    /// <summary>Upper-case HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Path template, for example /v1/payments/{id}.</summary>
    public required string Path { get; init; }

    /// <summary>operationId, or METHOD path when it has none.</summary>
    public required string OperationId { get; init; }

    /// <summary>Summary line.</summary>
    public string Summary { get; init; } = "";

    /// <summary>Name of the request body schema (component name or a synthetic one for inline schemas); null without a body.</summary>
    public string? RequestSchema { get; init; }

    /// <summary>False when the operation declares <c>security: []</c> (public).</summary>
    public bool Authenticated { get; init; } = true;

    /// <summary>Response status codes it declares.</summary>
    public IReadOnlySet<string> Responses { get; init; } = new HashSet<string>();

    /// <summary>Tables the contract says it reads or writes (<c>x-tables</c>).</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];

    /// <summary>Component that answers it without a table (<c>x-owner</c>), for example a probe or an external provider.</summary>
    public string? Owner { get; init; }

    /// <summary>
    /// A public read of published content (<c>x-published: true</c> on a GET that declares 304): served to anyone from a
    /// CDN cache, so answering without a token is its purpose, not a missing check.
    /// </summary>
    public bool Published { get; init; }

    /// <summary>Use cases the contract says it serves (<c>x-use-cases</c>); the trace checks the claim against its words.</summary>
    public IReadOnlyList<string> UseCases { get; init; } = [];

    /// <summary>Use cases it runs as checks before it completes (<c>x-pre-checks</c> items' <c>use-case</c>): a "before" rule enforced in the request path.</summary>
    public IReadOnlyList<string> PreChecks { get; init; } = [];

    /// <summary>The operation as a person names it: METHOD path.</summary>
    public string Label => $"{Method} {Path}";
}
