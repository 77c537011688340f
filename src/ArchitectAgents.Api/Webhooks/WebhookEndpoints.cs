using System.Globalization;
using System.Text.Json;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Api.OpenApi;
using ArchitectAgents.Runs.Deliveries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ArchitectAgents.Api.Webhooks;

/// <summary>
/// <c>POST /v1/webhooks/{github,jira,generic}</c>. Authenticated by signature, not API key. Order of checks:
/// configured (404), size (413), signature (401), JSON (400), event (204 when ignored). Answers 202 once the
/// delivery and any new run are in the store; the agents run later on the worker.
/// </summary>
internal static class WebhookEndpoints
{
    /// <summary>Bad payload or headers, bad signature, not configured, too large, not JSON, store unavailable.</summary>
    private static readonly int[] WebhookProblems =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status503ServiceUnavailable,
    ];

    public static RouteGroupBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/webhooks").WithTags("webhooks").AllowAnonymous().RequireRateLimiting(ApiInfrastructure.WebhookRateLimitPolicy);
        // The handlers read raw bytes (the signature covers them exactly), so bodies and headers are described here.
        group.MapPost("/github", GitHubAsync).WithName("receiveGitHubWebhook")
            .WithSummary("GitHub issues/issue_comment deliveries, signed with X-Hub-Signature-256; deduplicated on X-GitHub-Delivery.")
            .AcceptsForeignJson("GitHub's issues or issue_comment webhook payload, as GitHub sends it.")
            .WithRequestHeader("X-Hub-Signature-256", "sha256=<hex HMAC-SHA256 of the body> made with Webhooks:GitHub:Secret.", required: true)
            .WithRequestHeader("X-GitHub-Delivery", "GitHub's delivery id; a repeated id is answered 200 duplicate.", required: true, maxLength: 128)
            .WithRequestHeader("X-GitHub-Event", "issues or issue_comment; other events are ignored (204).", required: true)
            .ProducesProblems(WebhookProblems);
        group.MapPost("/jira", JiraAsync).WithName("receiveJiraWebhook")
            .WithSummary("Jira Cloud admin webhook deliveries, signed with X-Hub-Signature; deduplicated on X-Atlassian-Webhook-Identifier.")
            .AcceptsForeignJson("Jira Cloud's jira:issue_created, jira:issue_updated or comment_created webhook payload, as Jira sends it; other events are ignored (204).")
            .WithRequestHeader("X-Hub-Signature", "sha256=<hex HMAC-SHA256 of the body> made with Webhooks:Jira:Secret.", required: true)
            .WithRequestHeader("X-Atlassian-Webhook-Identifier", "Jira's delivery id; a repeated id is answered 200 duplicate.", required: true, maxLength: 128)
            .ProducesProblems(WebhookProblems);
        group.MapPost("/generic", GenericAsync).WithName("receiveGenericWebhook")
            .WithSummary("Generic ticket events, signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature); older than the tolerance is refused.")
            .DocumentsJsonBody<GenericEventBody>().WithRequestExample(GenericEventBody.Example)
            .WithRequestHeader("webhook-id", "The delivery id; a repeated id is answered 200 duplicate.", required: true, maxLength: 128)
            .WithRequestHeader("webhook-timestamp", "Unix seconds when the delivery was signed; outside Webhooks:Generic:ToleranceSeconds it is refused as a replay.", required: true)
            .WithRequestHeader("webhook-signature", "v1,<base64 HMAC-SHA256 of 'webhook-id.webhook-timestamp.body'> made with Webhooks:Generic:Secret.", required: true)
            .ProducesProblems(WebhookProblems);
        return group;
    }

    internal static async Task<Results<Accepted<WebhookResponse>, Ok<WebhookResponse>, NoContent, ProblemHttpResult>> GitHubAsync(
        HttpContext http, TicketIntake intake, IOptionsMonitor<WebhookOptions> options, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (settings.GitHub.Secret is not { Length: > 0 } secret)
        {
            return NotConfigured("GitHub", "Webhooks:GitHub:Secret");
        }

        var (body, problem) = await ReadAsync(http, settings.MaxPayloadBytes, ct);
        if (body is null)
        {
            return problem!;
        }

        if (!HubSignature.Verify(secret, body, http.Request.Headers["X-Hub-Signature-256"].FirstOrDefault()))
        {
            return BadSignature("X-Hub-Signature-256", "must be sha256=<hex HMAC-SHA256 of the body> made with the webhook secret");
        }

        var deliveryId = http.Request.Headers["X-GitHub-Delivery"].ToString();
        var eventName = http.Request.Headers["X-GitHub-Event"].ToString();
        if (deliveryId.Length is 0 or > 128)
        {
            return Problems.Field("X-GitHub-Delivery", "is required (at most 128 characters)");
        }

        if (eventName.Length == 0)
        {
            return Problems.Field("X-GitHub-Event", "is required");
        }

        return await HandleAsync(http, body, root => GitHubEvents.Read(eventName, deliveryId, root, settings.GitHub), intake, settings.GitHub.RunOwner, null, ct);
    }

    internal static async Task<Results<Accepted<WebhookResponse>, Ok<WebhookResponse>, NoContent, ProblemHttpResult>> JiraAsync(
        HttpContext http, TicketIntake intake, IOptionsMonitor<WebhookOptions> options, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (settings.Jira.Secret is not { Length: > 0 } secret)
        {
            return NotConfigured("Jira", "Webhooks:Jira:Secret");
        }

        var (body, problem) = await ReadAsync(http, settings.MaxPayloadBytes, ct);
        if (body is null)
        {
            return problem!;
        }

        if (!HubSignature.Verify(secret, body, http.Request.Headers["X-Hub-Signature"].FirstOrDefault()))
        {
            return BadSignature("X-Hub-Signature", "must be sha256=<hex HMAC-SHA256 of the body> made with the webhook secret");
        }

        var deliveryId = http.Request.Headers["X-Atlassian-Webhook-Identifier"].ToString();
        if (deliveryId.Length is 0 or > 128)
        {
            return Problems.Field("X-Atlassian-Webhook-Identifier", "is required (at most 128 characters)");
        }

        return await HandleAsync(http, body, root => JiraEvents.Read(deliveryId, root, settings.Jira), intake, settings.Jira.RunOwner, null, ct);
    }

    internal static async Task<Results<Accepted<WebhookResponse>, Ok<WebhookResponse>, NoContent, ProblemHttpResult>> GenericAsync(
        HttpContext http, TicketIntake intake, CallbackUrlValidator callbacks, IOptionsMonitor<WebhookOptions> options, TimeProvider time, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (settings.Generic.Secret is not { Length: > 0 } secret)
        {
            return NotConfigured("Generic", "Webhooks:Generic:Secret");
        }

        var (body, problem) = await ReadAsync(http, settings.MaxPayloadBytes, ct);
        if (body is null)
        {
            return problem!;
        }

        var id = http.Request.Headers["webhook-id"].ToString();
        var stamp = http.Request.Headers["webhook-timestamp"].ToString();
        if (id.Length is 0 or > 128 || !long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || !StandardWebhookSigner.Verify(secret, id, timestamp, body, http.Request.Headers["webhook-signature"].ToString()))
        {
            return BadSignature("webhook-signature", "must be v1,<base64 HMAC-SHA256 of 'webhook-id.webhook-timestamp.body'> made with the webhook secret");
        }

        // Checked after the signature, so the timestamp is the sender's: an old, correctly signed delivery is a replay.
        var age = time.GetUtcNow().ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(age) > settings.Generic.ToleranceSeconds)
        {
            return BadSignature("webhook-timestamp", $"is {age} s from now; deliveries more than {settings.Generic.ToleranceSeconds} s old (or ahead) are refused as replays");
        }

        return await HandleAsync(http, body, root => GenericEvents.Read(id, root), intake, settings.Generic.RunOwner, callbacks, ct);
    }

    private static async Task<Results<Accepted<WebhookResponse>, Ok<WebhookResponse>, NoContent, ProblemHttpResult>> HandleAsync(
        HttpContext http, byte[] body, Func<JsonElement, TicketEvent> read, TicketIntake intake, string owner, CallbackUrlValidator? callbacks, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
        {
            return Problems.Field("Content-Type", "must be application/json", StatusCodes.Status415UnsupportedMediaType);
        }

        var (document, problem) = JsonBody.Parse(body);
        if (document is null)
        {
            return problem!;
        }

        TicketEvent evt;
        try
        {
            using (document)
            {
                evt = read(document.RootElement);
            }
        }
        catch (WebhookPayloadException ex)
        {
            return Problems.Field(ex.Field, ex.Message);
        }

        if (evt.CallbackUrl is { } callback && callbacks is not null && await callbacks.ValidateAsync(callback, ct) is { } refused)
        {
            return Problems.Field("callbackUrl", refused);
        }

        var result = await intake.HandleAsync(evt, owner, ct);
        var response = new WebhookResponse(evt.DeliveryId, result.Outcome switch
        {
            IntakeOutcome.RunStarted => "run_started",
            IntakeOutcome.Answered => "answered",
            IntakeOutcome.Duplicate => "duplicate",
            _ => "ignored",
        }, result.RunId, result.Detail);
        return result.Outcome switch
        {
            IntakeOutcome.RunStarted or IntakeOutcome.Answered => TypedResults.Accepted((string?)null, response),
            IntakeOutcome.Duplicate => TypedResults.Ok(response),
            _ => TypedResults.NoContent(),
        };
    }

    /// <summary>Reads the raw body (signatures cover the exact bytes) up to the webhook limit.</summary>
    private static Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(HttpContext http, long max, CancellationToken ct) =>
        JsonBody.ReadBytesAsync(http, max, ct);

    private static ProblemHttpResult BadSignature(string header, string message) => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Signature check failed",
        Detail = $"{header}: {message}",
        Extensions = { ["errors"] = new Dictionary<string, string[]> { [header] = [message] } },
    });

    private static ProblemHttpResult NotConfigured(string source, string key) =>
        Problems.Status(StatusCodes.Status404NotFound, $"{source} webhooks are not configured", $"Set {key} to receive {source} webhooks on this server.");
}

/// <summary>What the service did with a delivery.</summary>
internal sealed record WebhookResponse(string DeliveryId, string Outcome, string? RunId, string? Detail);
