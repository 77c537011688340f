using ArchitectAgents.Runs.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArchitectAgents.Runs.Deliveries;

/// <summary>Registers the outbound delivery queue, its dispatcher and signed callbacks.</summary>
public static class DeliveriesRegistration
{
    /// <summary>Adds the delivery queue, the callback channel and listener, and the hosted dispatcher.</summary>
    public static IServiceCollection AddRunDeliveries(this IServiceCollection services)
    {
        services.AddOptions<CallbackOptions>().BindConfiguration(CallbackOptions.SectionName)
            .Validate(o => TryParse(o.RetrySchedule), "Webhooks:Callbacks:RetrySchedule must be comma-separated waits such as '5s, 5m, 2h'")
            .ValidateOnStart();
        services.AddOptions<PublicLinks>().BindConfiguration(PublicLinks.SectionName);
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<CallbackAddressPolicy>();
        services.AddSingleton<IDeliveryChannel, CallbackChannel>();
        services.AddSingleton<IRunLifecycleListener, CallbackListener>();
        services.AddSingleton<DeliveryProcessor>();
        services.AddSingleton<DeliveryService>();
        services.AddHostedService<DeliveryDispatcher>();
        return services;
    }

    private static bool TryParse(string schedule)
    {
        try
        {
            CallbackOptions.ParseSchedule(schedule);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
