using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArchitectAgents.Api.OpenApi;

/// <summary>
/// The web JSON defaults read numbers from strings too, so the generator types every number as "integer or string"
/// with a digits pattern. Neither side of this API does that: responses write numbers as numbers and the hand-written
/// body parsers refuse a number in quotes. The schemas say so, which also gives generated clients plain number types.
/// </summary>
internal sealed class NumbersAsWrittenTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
