using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArchitectAgents.Api.OpenApi;

/// <summary>
/// Describes the members every problem of this service may carry beyond RFC 9457's own (see <c>Infrastructure/Problems.cs</c>):
/// <c>errors</c> names the offending field, <c>errorCode</c> marks a configuration problem, <c>traceId</c> is added by
/// ASP.NET Core's problem writer. Generated from <see cref="ProblemDetails"/>, the schema would show only the standard five.
/// </summary>
internal sealed class ProblemSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || context.JsonTypeInfo.Type != typeof(ProblemDetails))
        {
            return Task.CompletedTask;
        }

        schema.Description = "An RFC 9457 problem. Refusals of a request name the offending field in detail and in errors.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Messages by field (a JSON path such as options.budget.maxTokens, or a header name) for a refused request.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Properties["errorCode"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "\"configuration\" when the request cannot be served with this server's configuration (a model without a key); the same code a run failing for that reason gets.",
        };
        schema.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The request's trace id, for finding it in the service's logs and traces.",
        };
        schema.Examples = [JsonNode.Parse("""
            {
              "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
              "title": "Invalid request",
              "status": 400,
              "detail": "options.budget.maxTokens: must be a positive whole number",
              "errors": { "options.budget.maxTokens": ["must be a positive whole number"] },
              "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
            }
            """)!];
        return Task.CompletedTask;
    }
}
