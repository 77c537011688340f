using Microsoft.AspNetCore.Http;

namespace ArchitectAgents.Verification.Tests;

/// <summary>
/// The context7 REST API the real MCP server calls (<c>CONTEXT7_API_URL</c>), on loopback. Shapes as documented in
/// shared/notes/context7.md section 4 (from upstash/context7 src/lib/api.ts and types.ts): search answers
/// <c>{"results":[{id,title,description,totalSnippets,trustScore,benchmarkScore,versions}]}</c>, context answers
/// plain text, an unknown library gives <c>{"results":[]}</c>.
/// </summary>
internal sealed class Context7Api : IAsyncDisposable
{
    private readonly Dictionary<string, (string Id, string Title, string Docs)> _libraries = new(StringComparer.OrdinalIgnoreCase);

    private Context7Api(StubServer server) => Server = server;

    public StubServer Server { get; }

    /// <summary>Base URL for <c>CONTEXT7_API_URL</c> (no trailing slash: the server concatenates).</summary>
    public string ApiUrl => Server.BaseUrl + "/api";

    /// <summary>Runs before a search is answered (crash the server, hang).</summary>
    public Func<string, StubServer, Task>? BeforeSearch { get; set; }

    /// <summary>Every library name is found as <c>/test/{name}</c> unless listed (end-to-end runs over whole stacks).</summary>
    public bool FindEverything { get; set; }

    public int Searches => Server.Count("/api/v2/libs/search");

    public int Contexts => Server.Count("/api/v2/context");

    public static async Task<Context7Api> StartAsync()
    {
        Context7Api? api = null;
        var server = await StubServer.StartAsync((context, s) => api!.HandleAsync(context, s));
        api = new Context7Api(server);
        return api;
    }

    public Context7Api Library(string name, string id, string title, string docs)
    {
        _libraries[name] = (id, title, docs);
        return this;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context, StubServer server)
    {
        var query = context.Request.Query;
        if (context.Request.Path == "/api/v2/libs/search")
        {
            var name = query["libraryName"].ToString();
            if (BeforeSearch is { } hook)
            {
                await hook(name, server);
            }

            var results = _libraries.TryGetValue(name, out var lib)
                ? [Result(lib.Id, lib.Title)]
                : FindEverything ? [Result("/test/" + Slug(name), name)] : Array.Empty<object>();
            await context.Response.WriteAsJsonAsync(new { results });
            return;
        }

        if (context.Request.Path == "/api/v2/context")
        {
            var id = query["libraryId"].ToString();
            var docs = _libraries.Values.FirstOrDefault(l => l.Id == id).Docs
                ?? (FindEverything && id.StartsWith("/test/", StringComparison.Ordinal) ? $"### {id[6..]}\n\nSource: https://example.test{id}\n\nInstall the current stable release; see the security guide for hardening." : null);
            if (docs is null)
            {
                context.Response.StatusCode = 404;
                return;
            }

            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(docs);
            return;
        }

        context.Response.StatusCode = 404;
    }

    private static object Result(string id, string title) => new
    {
        id,
        title,
        description = title + " documentation",
        totalSnippets = 1200,
        trustScore = 9,
        benchmarkScore = 88.5,
        versions = new[] { "v1" },
    };

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
}
