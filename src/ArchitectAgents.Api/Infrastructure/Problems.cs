using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ArchitectAgents.Api.Infrastructure;

/// <summary>RFC 9457 problem responses that name the offending field.</summary>
internal static class Problems
{
    public static ProblemHttpResult Field(string field, string message, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Invalid request",
            Detail = $"{field}: {message}",
            Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
        });

    /// <summary>
    /// A request the service's own configuration cannot serve (a model without a key): 400 with the same
    /// <c>errorCode</c> a run failing for that reason would get, so clients handle both alike.
    /// </summary>
    public static ProblemHttpResult Configuration(string field, string message) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Not usable with this server's configuration",
            Detail = $"{field}: {message}",
            Extensions = { ["errorCode"] = "configuration", ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
        });

    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });

    /// <summary>Writes a problem naming a field outside an endpoint result (middleware, exception handlers).</summary>
    public static async Task WriteField(HttpContext http, int status, string field, string message, CancellationToken ct)
    {
        http.Response.StatusCode = status;
        var details = new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Invalid request",
            Detail = $"{field}: {message}",
            Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details }))
        {
            await http.Response.WriteAsJsonAsync(details, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
        }
    }

    /// <summary>Writes a problem outside an endpoint result (auth, streaming); the same type links and trace id as every other problem.</summary>
    public static async Task Write(HttpContext http, int status, string title, string detail, CancellationToken ct)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail } }))
        {
            await http.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail },
                (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
        }
    }
}
