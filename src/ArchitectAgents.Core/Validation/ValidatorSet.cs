namespace ArchitectAgents.Core.Validation;

/// <summary>Settings for the artifact validators (section <c>Validators</c> of appsettings.json).</summary>
public sealed class ValidatorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Validators";

    /// <summary>Folder with validate.mjs and its node_modules.</summary>
    public string NodeToolsPath { get; set; } = "tools/validators";

    /// <summary>Node executable.</summary>
    public string Node { get; set; } = "node";

    /// <summary>When set, SQL is applied to this PostgreSQL server (rolled back) instead of PGlite.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Per-request limit for the Node validator, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>The standard validators: structural pre-check and Mermaid's parser, OpenAPI, PostgreSQL, document rules.</summary>
public sealed class ValidatorSet : IAsyncDisposable
{
    private readonly NodeValidatorHost _host;

    /// <summary>Creates the validators; the Node process starts on first use.</summary>
    public ValidatorSet(ValidatorOptions options)
    {
        _host = new NodeValidatorHost(options.NodeToolsPath, options.Node, TimeSpan.FromSeconds(options.TimeoutSeconds));
        Validators =
        [
            new MermaidStructureValidator(),
            new MermaidValidator(_host),
            new OpenApiValidator(),
            string.IsNullOrWhiteSpace(options.PostgresConnectionString) ? new SqlValidator(_host) : new SqlValidator(options.PostgresConnectionString),
            new DocumentRulesValidator(),
        ];
    }

    /// <summary>All validators, in report order.</summary>
    public IReadOnlyList<IArtifactValidator> Validators { get; }

    /// <summary>Starts the Node parsers loading in the background (see <see cref="NodeValidatorHost.WarmUp"/>).</summary>
    public void WarmUp() => _host.WarmUp();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
