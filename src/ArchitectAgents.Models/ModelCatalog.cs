using ArchitectAgents.Core.Catalog;
using Microsoft.Extensions.Configuration;

namespace ArchitectAgents.Models;

/// <summary>The named model entries from the <c>Models</c> configuration section.</summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelSettings> _models;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates a catalog; <paramref name="environment"/> reads environment variables (tests pass their own).</summary>
    public ModelCatalog(IEnumerable<ModelSettings> models, Func<string, string?>? environment = null)
    {
        _models = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        if (!_models.ContainsKey("default"))
        {
            _models["default"] = new ModelSettings { Name = "default", Provider = ModelProviderKind.Offline };
        }

        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>All entries, by name.</summary>
    public IReadOnlyCollection<ModelSettings> All => _models.Values;

    /// <summary>Reads <c>Models</c>; throws <see cref="CatalogException"/> naming a bad entry.</summary>
    public static ModelCatalog Load(IConfiguration configuration, Func<string, string?>? environment = null)
    {
        var models = new List<ModelSettings>();
        foreach (var section in configuration.GetSection("Models").GetChildren())
        {
            ModelSettings settings;
            try
            {
                settings = section.Get<ModelSettings>() ?? new ModelSettings();
            }
            catch (InvalidOperationException ex)
            {
                throw new CatalogException($"Models:{section.Key}: {ex.Message}", ex);
            }

            settings.Name = section.Key;
            Check(settings);
            models.Add(settings);
        }

        return new ModelCatalog(models, environment);
    }

    /// <summary>True when the name is configured.</summary>
    public bool Contains(string name) => _models.ContainsKey(name);

    /// <summary>The entry, or a <see cref="CatalogException"/> listing the configured names.</summary>
    public ModelSettings Get(string name) =>
        _models.TryGetValue(name, out var settings)
            ? settings
            : throw new CatalogException($"model '{name}' is not configured; configured models: {string.Join(", ", _models.Keys.Order(StringComparer.Ordinal))}");

    /// <summary>The key for an entry, from configuration or its environment variable; null when there is none.</summary>
    public string? KeyOf(ModelSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            return settings.ApiKey;
        }

        var variable = KeyVariableOf(settings);
        return variable is null ? null : _environment(variable) is { Length: > 0 } value ? value : null;
    }

    /// <summary>Every entry, by name, as users see it.</summary>
    public IReadOnlyList<ModelDescription> Describe() => [.. _models.Values.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m =>
    {
        var (usable, reason) = Usability(m);
        return new ModelDescription(m.Name, m.Provider.ToString(), m.Model ?? m.Deployment, m.Endpoint, m.InputPricePerMillion, m.OutputPricePerMillion, usable, reason);
    })];

    /// <summary>Whether calls can be made: the key is present where the provider needs one. The reason never contains a key.</summary>
    public (bool Usable, string Reason) Usability(ModelSettings settings) => settings.Provider switch
    {
        ModelProviderKind.Offline => (true, "embedded, no key needed"),
        ModelProviderKind.OpenAICompatible => (true, KeyOf(settings) is null ? "no key (the server may not need one)" : "key present"),
        ModelProviderKind.AzureOpenAI when settings.UseAzureCredential => (true, "Entra ID credential"),
        _ => KeyOf(settings) is null
            ? (false, $"no key: set {KeyVariableOf(settings)} or Models:{settings.Name}:ApiKey")
            : (true, "key present"),
    };

    private static string? KeyVariableOf(ModelSettings settings) => settings.ApiKeyVariable ?? settings.Provider switch
    {
        ModelProviderKind.OpenAI => "OPENAI_API_KEY",
        ModelProviderKind.AzureOpenAI => "AZURE_OPENAI_API_KEY",
        _ => null,
    };

    private static void Check(ModelSettings s)
    {
        string? problem = s.Provider switch
        {
            ModelProviderKind.OpenAI when string.IsNullOrWhiteSpace(s.Model) => "Model is required for OpenAI",
            ModelProviderKind.OpenAICompatible when string.IsNullOrWhiteSpace(s.Model) => "Model is required for an OpenAI-compatible server",
            ModelProviderKind.OpenAICompatible when !IsHttpUrl(s.Endpoint) => "Endpoint (an http or https URL) is required for an OpenAI-compatible server",
            ModelProviderKind.AzureOpenAI when string.IsNullOrWhiteSpace(s.Deployment) => "Deployment is required for Azure OpenAI",
            ModelProviderKind.AzureOpenAI when !IsHttpUrl(s.Endpoint) => "Endpoint (https://<resource>.openai.azure.com/) is required for Azure OpenAI",
            _ when s.Endpoint is not null && !IsHttpUrl(s.Endpoint) => "Endpoint must be an http or https URL",
            _ when s.TimeoutSeconds <= 0 => "TimeoutSeconds must be positive",
            _ when s.MaxRetries is < 0 or > 20 => "MaxRetries must be between 0 and 20",
            _ when s.MaxRepairs is < 0 or > 5 => "MaxRepairs must be between 0 and 5",
            _ when s.InputPricePerMillion < 0 || s.OutputPricePerMillion < 0 => "prices cannot be negative",
            _ => null,
        };
        if (problem is not null)
        {
            throw new CatalogException($"Models:{s.Name}: {problem}");
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
