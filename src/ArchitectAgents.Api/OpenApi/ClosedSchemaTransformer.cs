using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArchitectAgents.Api.OpenApi;

/// <summary>Writes <c>additionalProperties: false</c> for types marked <see cref="ClosedSchemaAttribute"/>.</summary>
internal sealed class ClosedSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // Only the type's own schema: a property of that type is a reference to it, or its own schema when inlined.
        if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Type.GetCustomAttribute<ClosedSchemaAttribute>() is not null)
        {
            schema.AdditionalPropertiesAllowed = false;
        }

        return Task.CompletedTask;
    }
}
