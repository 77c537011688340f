using Microsoft.AspNetCore.Diagnostics;

namespace ArchitectAgents.Api.Infrastructure;

/// <summary>
/// Kestrel's complaints about a request body raised while an endpoint reads it (over the size limit, a broken
/// chunked encoding, a body cut short) are the client's fault: answered with their own 4xx and a problem body,
/// never as an unhandled 500.
/// </summary>
internal sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        await Problems.WriteField(httpContext, bad.StatusCode, "body", bad.Message, cancellationToken);
        return true;
    }
}
