using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using ArchitectAgents.Api.Auth;
using ArchitectAgents.Api.OpenApi;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ArchitectAgents.Api.Infrastructure;

/// <summary>ProblemDetails, JSON, body limits, rate limiting and OpenAPI.</summary>
internal static class ApiInfrastructure
{
    public const string RateLimitPolicy = "per-caller";

    /// <summary>Webhooks carry no API key, so they are limited per source address, before the signature is checked.</summary>
    public const string WebhookRateLimitPolicy = "per-address";

    public static IServiceCollection AddApiInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName);
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<StoreUnavailableHandler>();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.AddOptions<KestrelServerOptions>().Configure<Microsoft.Extensions.Options.IOptions<ApiOptions>>((o, api) =>
        {
            o.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes;
            // Kestrel refuses what passes its own limits without a problem body, so they sit well above the API's
            // limits, which RequestLimitsMiddleware enforces with one. Only requests beyond these get a bare answer.
            o.Limits.MaxRequestLineSize = (int)Math.Max(64 * 1024, api.Value.MaxUrlBytes * 4L);
            o.Limits.MaxRequestHeadersTotalSize = (int)Math.Max(256 * 1024, api.Value.MaxHeaderBytes * 4L);
            o.Limits.MaxRequestHeaderCount = Math.Max(1000, api.Value.MaxHeaderCount * 4);
            // Non-ASCII header bytes are read (as Latin-1) instead of refused, so the middleware can refuse them by name.
            o.RequestHeaderEncodingSelector = _ => System.Text.Encoding.Latin1;
        });
        services.AddArchitectOpenApi();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var limits = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value;
                var webhook = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName == WebhookRateLimitPolicy;
                var (permits, window, who) = webhook
                    ? (limits.WebhookRateLimitPermits, limits.WebhookRateLimitWindowSeconds, "This address")
                    : (limits.RateLimitPermits, limits.RateLimitWindowSeconds, "This caller");
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : window;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"{who} may send {permits} requests per {window} s; retry after {retryAfter} s.", ct);
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
            o.AddPolicy(WebhookRateLimitPolicy, http =>
            {
                var limits = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    "webhook:" + http.Connection.RemoteIpAddress,
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.WebhookRateLimitPermits,
                        Window = TimeSpan.FromSeconds(limits.WebhookRateLimitWindowSeconds),
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
        app.UseMiddleware<RequestLimitsMiddleware>();
        return app;
    }
}

/// <summary>API limits (section <c>Api</c>).</summary>
internal sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest request target (path and query), in bytes (414 beyond it).</summary>
    public int MaxUrlBytes { get; set; } = 8 * 1024;

    /// <summary>Largest total of request headers, in bytes (431 beyond it).</summary>
    public int MaxHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>Most request headers (431 beyond it).</summary>
    public int MaxHeaderCount { get; set; } = 100;

    /// <summary>Requests per window per caller.</summary>
    public int RateLimitPermits { get; set; } = 120;

    /// <summary>Rate-limit window, in seconds.</summary>
    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>Webhook requests per window per source address (a tracker sends from a few addresses; a flood of bad signatures from one is cut off).</summary>
    public int WebhookRateLimitPermits { get; set; } = 300;

    /// <summary>Webhook rate-limit window, in seconds.</summary>
    public int WebhookRateLimitWindowSeconds { get; set; } = 60;
}
