namespace ArchitectAgents.Models;

/// <summary>Where a model entry's calls go.</summary>
public enum ModelProviderKind
{
    /// <summary>The embedded deterministic agents: no key, no network.</summary>
    Offline,

    /// <summary>api.openai.com (or any endpoint speaking exactly its API).</summary>
    OpenAI,

    /// <summary>Azure OpenAI: a deployment on a resource endpoint, with an API key or an Entra ID credential.</summary>
    AzureOpenAI,

    /// <summary>An OpenAI-compatible server: Ollama, vLLM, LM Studio and the like.</summary>
    OpenAICompatible,
}
