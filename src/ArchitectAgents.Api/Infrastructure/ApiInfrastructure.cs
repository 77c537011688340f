using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using ArchitectAgents.Api.Auth;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ArchitectAgents.Api.Infrastructure;

/// <summary>ProblemDetails, JSON, body limits, rate limiting and OpenAPI.</summary>
internal static class ApiInfrastructure
{
    public const string RateLimitPolicy = "per-caller";

    public static IServiceCollection AddApiInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName);
        services.AddProblemDetails();
        services.AddExceptionHandler<StoreUnavailableHandler>();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.AddOptions<KestrelServerOptions>().Configure<Microsoft.Extensions.Options.IOptions<ApiOptions>>((o, api) => o.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);
        services.AddOpenApi("v1");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var limits = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : limits.RateLimitWindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This caller may send {limits.RateLimitPermits} requests per {limits.RateLimitWindowSeconds} s; retry after {retryAfter} s.", ct);
            };
            o.AddPolicy(RateLimitPolicy, http =>
            {
                var limits = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    Callers.OwnerOf(http.User) ?? "anonymous:" + http.Connection.RemoteIpAddress,
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.RateLimitPermits,
                        Window = TimeSpan.FromSeconds(limits.RateLimitWindowSeconds),
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }

    public static WebApplication UseApiInfrastructure(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}

/// <summary>API limits (section <c>Api</c>).</summary>
internal sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests per window per caller.</summary>
    public int RateLimitPermits { get; set; } = 120;

    /// <summary>Rate-limit window, in seconds.</summary>
    public int RateLimitWindowSeconds { get; set; } = 60;
}
