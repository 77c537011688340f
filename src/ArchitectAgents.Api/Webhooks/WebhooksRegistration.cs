using ArchitectAgents.Runs.Deliveries;
using ArchitectAgents.Runs.Lifecycle;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>Registers inbound ticket webhooks and ticket comments (the delivery queue itself comes with the run service).</summary>
internal static class WebhooksRegistration
{
    public static IServiceCollection AddArchitectWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        services.AddSingleton<TicketIntake>();
        services.AddSingleton<CallbackUrlValidator>();
        services.AddSingleton<IRunLifecycleListener, TicketCommentListener>();
        services.AddSingleton<IDeliveryChannel, GitHubCommentChannel>();
        services.AddSingleton<IDeliveryChannel, JiraCommentChannel>();
        return services;
    }

    public static WebApplication MapArchitectWebhooks(this WebApplication app)
    {
        app.MapWebhooks();
        app.MapDeliveries();
        return app;
    }
}
