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
        var settings = app.Configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>() ?? new WebhookOptions();
        // Runs would start but their questions and results could not be posted back: say so at start, not on the first ticket.
        if (settings.GitHub.Secret is { Length: > 0 } && settings.GitHub.Token is not { Length: > 0 })
        {
            app.Logger.LogWarning("Webhooks:GitHub:Secret is set but Webhooks:GitHub:Token is not: GitHub issues start runs, but no comments can be posted");
        }

        if (settings.Jira.Secret is { Length: > 0 } && (settings.Jira.BaseUrl is null || settings.Jira.User is null || settings.Jira.ApiToken is null))
        {
            app.Logger.LogWarning("Webhooks:Jira:Secret is set but BaseUrl, User or ApiToken is not: Jira issues start runs, but no comments can be posted");
        }

        app.MapWebhooks();
        app.MapDeliveries();
        return app;
    }
}
