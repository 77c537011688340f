namespace ArchitectAgents.Models;

/// <summary>One named entry under <c>Models</c> in appsettings.json.</summary>
public sealed class ModelSettings
{
    /// <summary>The entry's name, which agents use in their <c>model</c> field.</summary>
    public string Name { get; set; } = "";

    /// <summary>Where calls go.</summary>
    public ModelProviderKind Provider { get; set; } = ModelProviderKind.Offline;

    /// <summary>Model id (OpenAI, compatible servers) or, for Azure, the model behind the deployment (informational).</summary>
    public string? Model { get; set; }

    /// <summary>Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>Base URL: required for Azure and compatible servers, optional for OpenAI.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The key itself; prefer <see cref="ApiKeyVariable"/> or <c>Models__name__ApiKey</c> in the environment.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Environment variable holding the key; defaults to OPENAI_API_KEY or AZURE_OPENAI_API_KEY by provider.</summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>Azure only: use an Entra ID credential (DefaultAzureCredential) instead of a key.</summary>
    public bool UseAzureCredential { get; set; }

    /// <summary>USD per 1M input tokens.</summary>
    public decimal InputPricePerMillion { get; set; }

    /// <summary>USD per 1M output tokens.</summary>
    public decimal OutputPricePerMillion { get; set; }

    /// <summary>Cap on tokens per reply.</summary>
    public int? MaxOutputTokens { get; set; }

    /// <summary>Sampling temperature; null leaves the provider's default.</summary>
    public float? Temperature { get; set; }

    /// <summary>Per-call timeout.</summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Retries on 429, 5xx, timeouts and network errors before the node fails.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay; doubles each time with jitter, unless the server sends Retry-After.</summary>
    public int RetryBaseDelayMs { get; set; } = 1000;

    /// <summary>Longest wait between two attempts, Retry-After included.</summary>
    public int RetryMaxDelayMs { get; set; } = 60_000;

    /// <summary>Repair turns an invalid reply gets.</summary>
    public int MaxRepairs { get; set; } = 2;

    /// <summary>How the reply's JSON shape is requested.</summary>
    public StructuredOutputMode? StructuredOutput { get; set; }

    /// <summary>Offline only: simulated latency per agent call, for demos and benchmarks.</summary>
    public int LatencyMs { get; set; }

    /// <summary>The structured output mode in effect.</summary>
    public StructuredOutputMode EffectiveStructuredOutput =>
        StructuredOutput ?? (Provider == ModelProviderKind.OpenAICompatible ? StructuredOutputMode.JsonMode : StructuredOutputMode.Native);

    /// <summary>Never prints the key.</summary>
    public override string ToString() => (Model ?? Deployment) is { } model ? $"{Name} ({Provider}, {model})" : $"{Name} ({Provider})";
}
