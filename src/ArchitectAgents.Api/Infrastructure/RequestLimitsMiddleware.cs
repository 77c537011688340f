using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Api.Infrastructure;

/// <summary>
/// The request-size and header limits, enforced here rather than by Kestrel because Kestrel's own refusals (414,
/// 431, 400 for a non-ASCII header) are written before any middleware runs and carry no problem body. Kestrel's
/// limits are raised above these (see <see cref="ApiInfrastructure"/>) so that this is the check that answers.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var limits = options.Value;
        if (Refusal(http, limits) is { } refusal)
        {
            await Problems.WriteField(http, refusal.Status, refusal.Field, refusal.Error, http.RequestAborted);
            return;
        }

        await next(http);
    }

    private static (int Status, string Field, string Error)? Refusal(HttpContext http, ApiOptions limits)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path + http.Request.QueryString;
        if (target.Length > limits.MaxUrlBytes)
        {
            return (StatusCodes.Status414UriTooLong, "url", $"is {target.Length} bytes; the limit is {limits.MaxUrlBytes}");
        }

        if (http.Request.Headers.Count > limits.MaxHeaderCount)
        {
            return (StatusCodes.Status431RequestHeaderFieldsTooLarge, "headers", $"are {http.Request.Headers.Count}; the limit is {limits.MaxHeaderCount}");
        }

        long headerBytes = 0;
        foreach (var (name, values) in http.Request.Headers)
        {
            foreach (var value in values)
            {
                // Kestrel is told to read header bytes as Latin-1 so such a header reaches this check instead of a bare 400.
                if (value is not null && value.Any(c => c is > '\u007e' or (< ' ' and not '\t')))
                {
                    return (StatusCodes.Status400BadRequest, name, "must be printable ASCII");
                }

                headerBytes += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        if (headerBytes > limits.MaxHeaderBytes)
        {
            return (StatusCodes.Status431RequestHeaderFieldsTooLarge, "headers", $"are {headerBytes} bytes; the limit is {limits.MaxHeaderBytes}");
        }

        // Refused before any endpoint runs, so an endpoint that never reads its body answers the same 413 as one that does.
        if (http.Request.ContentLength > limits.MaxRequestBodyBytes)
        {
            return (StatusCodes.Status413PayloadTooLarge, "body", $"is {http.Request.ContentLength} bytes; the limit is {limits.MaxRequestBodyBytes}");
        }

        return null;
    }
}
