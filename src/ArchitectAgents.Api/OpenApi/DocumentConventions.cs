using ArchitectAgents.Api.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ArchitectAgents.Api.OpenApi;

/// <summary>The document-wide parts: what the service is, where it is, its tags and how callers authenticate.</summary>
internal sealed class DocumentConventions(IOptions<AuthOptions> auth) : IOpenApiDocumentTransformer
{
    private static readonly (string Name, string Description)[] Tags =
    [
        ("runs", "Design runs: start one from a brief, follow its events, answer its questions, fetch the design document and deliverables."),
        ("catalog", "The agents, models and workflows this server runs."),
        ("deliveries", "Outbound callbacks of the caller's runs, including the dead-letter list, and replay."),
        ("webhooks", "Ticket trackers start and answer runs by webhook; authenticated by the payload's signature, not an API key."),
        ("health", "Liveness and readiness probes; no credentials."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ArchitectAgents API",
            Version = "1.0.0",
            Description = """
                Turns a software brief into a validated architecture design. Start a run with `POST /v1/runs`, follow it with
                Server-Sent Events on `/v1/runs/{id}/events`, answer clarifying questions, then fetch the design document and
                deliverables.

                Authenticate with an API key in the `X-Api-Key` header (create one with `architect keys create --name NAME`)
                or, when the server is configured for it, a JWT bearer token. Every error is an RFC 9457 problem
                (`application/problem+json`); a refused request names the offending field in `errors`.

                Every path, health included, refuses a request line over Api:MaxUrlBytes (414), more or larger headers than
                Api:MaxHeaderCount or Api:MaxHeaderBytes (431), a header that is not printable ASCII (400) and a declared body
                over Api:MaxRequestBodyBytes (413), before any endpoint runs.
                """,
        };

        // The generator names the server the request came to; a trailing slash would make "{server}/v1/runs" a double slash.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [SecurityConventions.ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.Header,
                Description = "An API key created with 'architect keys create --name NAME'; the runs it creates belong to it.",
            },
        };
        if (auth.Value.Jwt.Enabled)
        {
            document.Components.SecuritySchemes[SecurityConventions.BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT from the configured authority or signed with the configured key; it must have a 'sub' claim, whose runs it sees.",
            };
        }

        return Task.CompletedTask;
    }
}
