using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ArchitectAgents.Api.OpenApi;

/// <summary>
/// What an endpoint's OpenAPI operation cannot learn from its handler: the problems it answers, headers it reads by
/// hand, examples, and bodies it parses itself. Each is attached to the one endpoint it describes.
/// </summary>
internal static class EndpointDocumentation
{
    /// <summary>The problem statuses the handler itself answers (<see cref="SecurityConventions"/> adds 401 and 503 to secured endpoints and 429 to rate-limited ones).</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }

    /// <summary>A request header the handler reads from <c>HttpRequest.Headers</c>, which the generator cannot see.</summary>
    public static RouteHandlerBuilder WithRequestHeader(this RouteHandlerBuilder builder, string name, string description, bool required = false, int? maxLength = null) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = required,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength },
            });
            return Task.CompletedTask;
        });

    /// <summary>Describes a parameter the generator found (a query string bound to a handler argument).</summary>
    public static RouteHandlerBuilder WithParameterDescription(this RouteHandlerBuilder builder, string name, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var parameter = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == name)
                ?? throw new InvalidOperationException($"operation {operation.OperationId} has no parameter '{name}' to describe");
            parameter.Description = description;
            return Task.CompletedTask;
        });

    /// <summary>Says what a response means when the status name alone ("OK") does not.</summary>
    public static RouteHandlerBuilder WithResponseDescription(this RouteHandlerBuilder builder, int status, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            Response(operation, status).Description = description;
            return Task.CompletedTask;
        });

    /// <summary>A header the response to <paramref name="status"/> carries.</summary>
    public static RouteHandlerBuilder WithResponseHeader(this RouteHandlerBuilder builder, int status, string name, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var response = Response(operation, status);
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            return Task.CompletedTask;
        });

    /// <summary>The JSON body the handler reads itself, described by <typeparamref name="TBody"/> (see <see cref="DocumentedJsonBody"/>).</summary>
    public static RouteHandlerBuilder DocumentsJsonBody<TBody>(this RouteHandlerBuilder builder, bool required = true) =>
        builder.WithMetadata(new DocumentedJsonBody(typeof(TBody), required));

    /// <summary>An example request body, shown by the reference page and checked against the body's schema by the linter.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, JsonNode example) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                media.Example = example.DeepClone();
            }

            return Task.CompletedTask;
        });

    /// <summary>
    /// A JSON body whose shape a third party defines (a tracker's webhook payload): described, not modelled, because the
    /// handler reads only a few of its fields and the tracker adds new ones at will.
    /// </summary>
    public static RouteHandlerBuilder AcceptsForeignJson(this RouteHandlerBuilder builder, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = description } },
                },
            };
            return Task.CompletedTask;
        });

    private static OpenApiResponse Response(OpenApiOperation operation, int status) =>
        operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) as OpenApiResponse
            ?? throw new InvalidOperationException($"operation {operation.OperationId} declares no {status} response");
}
