using System.Reflection;
using ArchitectAgents.Runs.Execution;

namespace ArchitectAgents.Api.Dashboard;

/// <summary>
/// The dashboard at <c>/dashboard</c>: static HTML, CSS and JS that hold no data and load without credentials;
/// every datum comes from the <c>/v1</c> API with the API key the page asks for (kept in sessionStorage and sent
/// as <c>X-Api-Key</c>, also on the event stream, which is read with fetch because EventSource cannot send headers).
/// </summary>
internal static class DashboardEndpoints
{
    private const string ResourcePrefix = "ArchitectAgents.Dashboard.";

    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
    };

    /// <summary>
    /// Front-end libraries served from the validators' npm packages, pinned by tools/validators/package-lock.json:
    /// mermaid 11.17.2, and its own dependencies marked 16.4.2 and DOMPurify 3.4.18. Nothing comes from a CDN.
    /// </summary>
    private static readonly Dictionary<string, string> Vendor = new(StringComparer.Ordinal)
    {
        ["mermaid.min.js"] = "mermaid/dist/mermaid.min.js",
        ["marked.umd.js"] = "marked/lib/marked.umd.js",
        ["purify.min.js"] = "dompurify/dist/purify.min.js",
    };

    public static void MapDashboard(this WebApplication app)
    {
        var nodeModules = new Lazy<string>(() => Path.Combine(ValidatorConfiguration.Load(app.Configuration, app.Environment.ContentRootPath).NodeToolsPath, "node_modules"));
        var group = app.MapGroup("/dashboard").ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/", (HttpContext http) => Asset(http, "index.html"));
        group.MapGet("/{file}", (HttpContext http, string file) => Asset(http, file));
        group.MapGet("/vendor/{file}", (HttpContext http, string file) =>
        {
            var path = Vendor.TryGetValue(file, out var relative) ? Path.Combine(nodeModules.Value, relative) : null;
            if (path is null || !File.Exists(path))
            {
                return Results.NotFound();
            }

            Secure(http);
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.File(path, "text/javascript; charset=utf-8");
        });
    }

    private static IResult Asset(HttpContext http, string file)
    {
        if (!Assets.TryGetValue(file, out var contentType) || typeof(DashboardEndpoints).Assembly.GetManifestResourceStream(ResourcePrefix + file) is not { } stream)
        {
            return Results.NotFound();
        }

        Secure(http);
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Stream(stream, contentType);
    }

    private static void Secure(HttpContext http)
    {
        var headers = http.Response.Headers;
        // Scripts only from this origin; Mermaid writes inline styles into its SVGs, hence 'unsafe-inline' for styles only.
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
