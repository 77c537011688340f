using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ArchitectAgents.Api.OpenApi;

/// <summary>
/// Endpoint metadata naming the type that describes a JSON body the handler reads itself. Unlike <c>Accepts&lt;T&gt;</c>
/// (<c>IAcceptsMetadata</c>) it is invisible to routing, which would otherwise answer a wrong Content-Type with its own
/// bare 415 before the handler's problem naming the Content-Type field (and, for webhooks, before the signature check).
/// </summary>
internal sealed record DocumentedJsonBody(Type Type, bool Required);

/// <summary>
/// Adds the <see cref="DocumentedJsonBody"/> of an endpoint to its API description as a JSON body parameter, so the
/// OpenAPI generator describes it as it would a bound one: a request body referring to a named component schema.
/// </summary>
internal sealed class DocumentedJsonBodyProvider : IApiDescriptionProvider
{
    private static readonly EmptyModelMetadataProvider Metadata = new();

    /// <summary>After the minimal-API provider (-1100), which creates the descriptions this completes.</summary>
    public int Order => 0;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
        foreach (var description in context.Results)
        {
            if (description.ActionDescriptor.EndpointMetadata.OfType<DocumentedJsonBody>().FirstOrDefault() is not { } body)
            {
                continue;
            }

            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = "body",
                Type = body.Type,
                Source = BindingSource.Body,
                IsRequired = body.Required,
                ModelMetadata = Metadata.GetMetadataForType(body.Type),
            });
            description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = "application/json" });
        }
    }
}
