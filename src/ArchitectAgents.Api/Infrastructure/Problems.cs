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

    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });

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
