using System.ClientModel;
using System.ClientModel.Primitives;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Telemetry;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace ArchitectAgents.Models;

/// <summary>
/// Builds the chat client pipeline of a model entry: provider client, then retries with timeouts, then the
/// budget guard. The provider SDK's own retries are off so that one policy decides.
/// </summary>
public sealed class ChatClientFactory(ModelCatalog catalog, ILoggerFactory loggerFactory)
{
    /// <summary>Creates the pipeline; throws <see cref="CatalogException"/> when the entry cannot be used.</summary>
    public IChatClient Create(ModelSettings settings)
    {
        var (usable, reason) = catalog.Usability(settings);
        if (!usable)
        {
            throw new CatalogException($"model '{settings.Name}' cannot be used: {reason}");
        }

        var provider = settings.Provider switch
        {
            ModelProviderKind.OpenAI or ModelProviderKind.OpenAICompatible => CreateOpenAI(settings),
            ModelProviderKind.AzureOpenAI => CreateAzure(settings),
            _ => throw new CatalogException($"model '{settings.Name}' is {settings.Provider}, which has no chat client"),
        };
        var logger = loggerFactory.CreateLogger("ArchitectAgents.Models." + settings.Name);
        // One 'chat' span per model call (retries inside it), with the GenAI usage attributes; content stays off
        // unless OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT turns it on.
        var traced = new ChatClientBuilder(new ResilientChatClient(provider, settings, logger))
            .UseOpenTelemetry(loggerFactory, ArchitectTelemetry.ChatSourceName)
            .Build();
        return new BudgetGuardChatClient(traced);
    }

    private IChatClient CreateOpenAI(ModelSettings settings)
    {
        var options = new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = NetworkTimeout(settings) };
        if (settings.Endpoint is { } endpoint)
        {
            options.Endpoint = new Uri(endpoint);
        }

        // Compatible servers often take no key, but the client insists on one; it is sent and ignored.
        var key = catalog.KeyOf(settings) ?? "no-key";
        return new OpenAI.Chat.ChatClient(settings.Model!, new ApiKeyCredential(key), options).AsIChatClient();
    }

    private IChatClient CreateAzure(ModelSettings settings)
    {
        var options = new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = NetworkTimeout(settings) };
        var endpoint = new Uri(settings.Endpoint!);
        var client = settings.UseAzureCredential && catalog.KeyOf(settings) is null
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), options)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(catalog.KeyOf(settings)!), options);
        return client.GetChatClient(settings.Deployment!).AsIChatClient();
    }

    // The per-attempt timeout is ours (Polly); the socket-level one only needs to be longer.
    private static TimeSpan NetworkTimeout(ModelSettings settings) => TimeSpan.FromSeconds(settings.TimeoutSeconds + 5);
}
