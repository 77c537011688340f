using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArchitectAgents.Api.OpenApi;

/// <summary>The service's OpenAPI document, <c>/openapi/v1.json</c>, with the conventions that make it complete.</summary>
internal static class OpenApiRegistration
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddArchitectOpenApi(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, DocumentedJsonBodyProvider>());
        return services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer<DocumentConventions>();
            o.AddOperationTransformer<SecurityConventions>();
            o.AddSchemaTransformer<NumbersAsWrittenTransformer>();
            o.AddSchemaTransformer<ClosedSchemaTransformer>();
            o.AddSchemaTransformer<ProblemSchemaTransformer>();
        });
    }
}
