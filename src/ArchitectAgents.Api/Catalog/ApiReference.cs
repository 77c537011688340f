using ArchitectAgents.Api.OpenApi;
using Microsoft.AspNetCore.OpenApi;

namespace ArchitectAgents.Api.Catalog;

/// <summary>The OpenAPI document and a self-contained reference page rendered from it (no script, no CDN).</summary>
internal static class ApiReference
{
    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/docs", async (IServiceProvider services, CancellationToken ct) =>
        {
            var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(OpenApiRegistration.DocumentName);
            return TypedResults.Content(ApiReferencePage.Render(await provider.GetOpenApiDocumentAsync(ct)), "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
