namespace ArchitectAgents.Api.Catalog;

/// <summary>The OpenAPI document and a self-contained reference page (no CDN).</summary>
internal static class ApiReference
{
    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/docs", () => TypedResults.Content(Page, "text/html")).AllowAnonymous().ExcludeFromDescription();
    }

    private const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>ArchitectAgents API</title>
        <style>
          body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222 }
          h2 { margin-top: 2rem; border-bottom: 1px solid #ddd } code { background: #f4f4f4; padding: 0 .3em }
          .op { margin: .6rem 0; padding: .5rem .8rem; border-left: 4px solid #3a6ea5; background: #f8fbff }
          .m { font-weight: 700; display: inline-block; min-width: 4.5rem }
        </style></head>
        <body><h1>ArchitectAgents API</h1>
        <p>Machine-readable contract: <a href="/openapi/v1.json">/openapi/v1.json</a>. Send an API key in <code>X-Api-Key</code>
        (create one with <code>architect keys create --name NAME</code>) or a bearer token. Errors are RFC 9457 problem details.</p>
        <div id="ops">Loading…</div>
        <script>
        fetch('/openapi/v1.json').then(r => r.json()).then(doc => {
          const byTag = {};
          for (const [path, item] of Object.entries(doc.paths || {}))
            for (const [method, op] of Object.entries(item))
              if (typeof op === 'object' && op.responses) (byTag[(op.tags || ['other'])[0]] ??= []).push({ path, method, op });
          const root = document.getElementById('ops'); root.textContent = '';
          for (const [tag, ops] of Object.entries(byTag)) {
            const h = document.createElement('h2'); h.textContent = tag; root.append(h);
            for (const { path, method, op } of ops) {
              const div = document.createElement('div'); div.className = 'op';
              const m = document.createElement('span'); m.className = 'm'; m.textContent = method.toUpperCase();
              const p = document.createElement('code'); p.textContent = path;
              const s = document.createElement('div'); s.textContent = op.summary || op.operationId || '';
              const r = document.createElement('div'); r.textContent = 'Responses: ' + Object.keys(op.responses).join(', ');
              div.append(m, p, s, r); root.append(div);
            }
          }
        });
        </script></body></html>
        """;
}
