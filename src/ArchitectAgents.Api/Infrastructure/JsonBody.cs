using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Api.Infrastructure;

/// <summary>
/// The one way a request body becomes JSON, used by every endpoint that takes one, so they all refuse the same
/// things the same way: a wrong Content-Type (415), a body over the limit (413), invalid UTF-8, malformed or too
/// deeply nested JSON, duplicate keys and lone surrogate escapes (400). Each answer is a problem naming the field.
/// </summary>
internal static class JsonBody
{
    /// <summary>
    /// Nesting deeper than this is refused. Our own requests need a few levels; webhook bodies need more (a Jira
    /// description in Atlassian Document Format nests two levels per list), so this is System.Text.Json's default.
    /// </summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>True when the request carries a body (a length above zero, or chunked).</summary>
    public static bool IsPresent(HttpRequest request) =>
        request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    /// <summary>Reads and checks the body under the API's body limit; the caller disposes the document.</summary>
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.HasJsonContentType())
        {
            return (null, Problems.Field("Content-Type", "must be application/json", StatusCodes.Status415UnsupportedMediaType));
        }

        var limit = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        var (bytes, tooLarge) = await ReadBytesAsync(http, limit, ct);
        return bytes is null ? (null, tooLarge) : Parse(bytes);
    }

    /// <summary>Reads the raw body, refusing it once it passes <paramref name="maxBytes"/> (signatures need the exact bytes).</summary>
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadBytesAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's own limit, when it is lower than the one asked for here.
            return (null, TooLarge(maxBytes));
        }
    }

    /// <summary>Parses and checks bytes already read; the caller disposes the document.</summary>
    public static (JsonDocument? Document, ProblemHttpResult? Problem) Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        // Checked up front: the parser only notices bad bytes inside a string when it is read, which is too late for a 400.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return (null, Problems.Field("body", "is not valid UTF-8"));
        }

        if (bytes.Length == 0)
        {
            return (null, Problems.Field("body", "is empty; send a JSON object"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Field("body", $"is not valid JSON: {ex.Message}"));
        }

        if (JsonInputCheck.FindProblem(document.RootElement) is { } problem)
        {
            document.Dispose();
            return (null, Problems.Field(problem.Field, problem.Error));
        }

        return (document, null);
    }

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        Problems.Field("body", $"is larger than the limit of {maxBytes / 1024} KiB", StatusCodes.Status413PayloadTooLarge);
}
