using ArchitectAgents.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ArchitectAgents.Api.OpenApi;

/// <summary>
/// What the pipeline, not the handler, answers, read from each endpoint's metadata so the document follows the code:
/// an endpoint that requires authorization gets the security requirement, 401 (the challenge of
/// <see cref="ApiKeyAuthenticationHandler"/>) and 503 (the key is looked up in the store, see
/// <c>StoreUnavailableHandler</c>); a rate-limited one gets 429 with Retry-After.
/// </summary>
internal sealed class SecurityConventions(IOptions<AuthOptions> auth) : Microsoft.AspNetCore.OpenApi.IOpenApiOperationTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        // As the authorization middleware decides: any AllowAnonymous wins over any Authorize.
        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        operation.Responses ??= [];
        if (secured)
        {
            operation.Security = Requirements(context.Document!);
            operation.Responses["401"] = ProblemResponse(context.Document!,
                $"No credentials, or an unknown or revoked API key, or an invalid bearer token. WWW-Authenticate: ApiKey header=\"{ApiKeyAuthenticationHandler.Header}\".");
            operation.Responses["503"] = WithRetryAfter(ProblemResponse(context.Document!,
                "The run store is busy or unreachable; nothing was changed. Retry after the Retry-After seconds."));
        }
        else
        {
            // Said outright, so "no security" reads as public (probes, signed webhooks) rather than forgotten.
            operation.Security = [];
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            operation.Responses["429"] = WithRetryAfter(ProblemResponse(context.Document!,
                "Too many requests from this caller (or, for webhooks, this address) in the window; retry after Retry-After seconds."));
        }

        return Task.CompletedTask;
    }

    /// <summary>A problem response referring to the document's one ProblemDetails schema.</summary>
    internal static OpenApiResponse ProblemResponse(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), document) },
        },
    };

    private static OpenApiResponse WithRetryAfter(OpenApiResponse response)
    {
        response.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
        };
        return response;
    }

    /// <summary>Either scheme satisfies the requirement (alternatives); in development mode no credentials are also accepted.</summary>
    private List<OpenApiSecurityRequirement> Requirements(OpenApiDocument document)
    {
        var requirements = new List<OpenApiSecurityRequirement>
        {
            new() { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
        };
        if (auth.Value.Jwt.Enabled)
        {
            requirements.Add(new() { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        }

        if (auth.Value.AllowAnonymous)
        {
            requirements.Add(new());
        }

        return requirements;
    }
}
