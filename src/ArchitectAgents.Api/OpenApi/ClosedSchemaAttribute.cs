namespace ArchitectAgents.Api.OpenApi;

/// <summary>
/// Marks a request body type whose endpoint refuses fields it does not know. The OpenAPI document then says
/// <c>additionalProperties: false</c>, so generated clients refuse a misspelt field at compile time as the server does at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ClosedSchemaAttribute : Attribute;
