using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.OpenApi;

namespace ArchitectAgents.Api.Catalog;

/// <summary>
/// The <c>/docs</c> page, rendered on the server from the same OpenAPI document <c>/openapi/v1.json</c> serves, so it
/// needs no script (and no CDN) and cannot drift from the contract: every operation with its parameters, request body
/// with its example, and responses.
/// </summary>
internal static class ApiReferencePage
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string Head = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>ArchitectAgents API</title>
        <style>
          body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222 }
          h2 { margin-top: 2rem; border-bottom: 1px solid #ddd } code { background: #f4f4f4; padding: 0 .3em }
          .op { margin: .8rem 0; padding: .5rem .8rem; border-left: 4px solid #3a6ea5; background: #f8fbff }
          .m { font-weight: 700; display: inline-block; min-width: 4.5rem } .d { color: #555 }
          pre { background: #f4f4f4; padding: .5rem; overflow-x: auto; font-size: 13px } ul { margin: .2rem 0 }
        </style></head>
        <body><h1>ArchitectAgents API</h1>
        <p>Machine-readable contract: <a href="/openapi/v1.json">/openapi/v1.json</a>. Send an API key in <code>X-Api-Key</code>
        (create one with <code>architect keys create --name NAME</code>) or a bearer token. Errors are RFC 9457 problem details.</p>
        """;

    public static string Render(OpenApiDocument document)
    {
        var html = new StringBuilder(Head);
        var operations = (document.Paths ?? [])
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => (Path: path.Key, Method: op.Key.Method, Operation: op.Value)))
            .GroupBy(o => o.Operation.Tags?.FirstOrDefault()?.Name ?? "other");
        foreach (var tag in operations)
        {
            html.Append("<h2>").Append(Encode(tag.Key)).Append("</h2>\n");
            var description = document.Tags?.FirstOrDefault(t => t.Name == tag.Key)?.Description;
            if (description is not null)
            {
                html.Append("<p class=\"d\">").Append(Encode(description)).Append("</p>\n");
            }

            foreach (var (path, method, operation) in tag)
            {
                AppendOperation(html, path, method, operation);
            }
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void AppendOperation(StringBuilder html, string path, string method, OpenApiOperation operation)
    {
        html.Append("<div class=\"op\" id=\"").Append(Encode(operation.OperationId ?? "")).Append("\"><span class=\"m\">").Append(Encode(method.ToUpperInvariant()))
            .Append("</span><code>").Append(Encode(path)).Append("</code>");
        if (operation.Security is { Count: 0 })
        {
            html.Append(" <span class=\"d\">(no API credentials)</span>");
        }

        html.Append("<div>").Append(Encode(operation.Summary ?? operation.OperationId ?? "")).Append("</div>\n");
        if (operation.Parameters is { Count: > 0 } parameters)
        {
            html.Append("<div>Parameters:</div><ul>");
            foreach (var p in parameters)
            {
                html.Append("<li><code>").Append(Encode(p.Name ?? "")).Append("</code> (").Append(Encode(p.In?.ToString().ToLowerInvariant() ?? "")).Append(p.Required ? ", required" : "").Append(')');
                if (p.Description is { } d)
                {
                    html.Append(": ").Append(Encode(d));
                }

                html.Append("</li>");
            }

            html.Append("</ul>\n");
        }

        if (operation.RequestBody is { Content: { } content } body)
        {
            foreach (var (type, media) in content)
            {
                html.Append("<div>Request body").Append(body.Required ? "" : " (optional)").Append(": <code>").Append(Encode(type)).Append("</code>");
                var schema = media.Schema is OpenApiSchemaReference reference ? reference.Reference.Id : null;
                if (schema is not null)
                {
                    html.Append(", schema <code>").Append(Encode(schema)).Append("</code>");
                }

                if ((body.Description ?? media.Schema?.Description) is { } d)
                {
                    html.Append(". ").Append(Encode(d));
                }

                html.Append("</div>\n");
                if (media.Example is { } example)
                {
                    html.Append("<pre>").Append(Encode(example.ToJsonString(Indented))).Append("</pre>\n");
                }
            }
        }

        var responses = (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => $"<li><code>{Encode(r.Key)}</code> {Encode(r.Value.Description ?? "")}{ContentTypes(r.Value)}</li>");
        html.Append("<div>Responses:</div><ul>").AppendJoin("", responses).Append("</ul></div>\n");
    }

    private static string ContentTypes(IOpenApiResponse response) =>
        response.Content is { Count: > 0 } content ? " <span class=\"d\">(" + Encode(string.Join(", ", content.Keys)) + ")</span>" : "";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
