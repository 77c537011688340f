using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Verification;
using Microsoft.AspNetCore.Http;

namespace ArchitectAgents.Verification.Tests;

/// <summary>
/// NuGet, npm, PyPI, Maven Central, the Go proxy, crates.io, Docker Hub and OSV on one loopback stub, each under its
/// own path prefix, answering with the recorded responses in Recorded/ (see its README for their origin).
/// </summary>
internal sealed class RegistryStub : IAsyncDisposable
{
    private static readonly string Recorded = Path.Combine(AppContext.BaseDirectory, "Recorded");

    private RegistryStub(StubServer server) => Server = server;

    public StubServer Server { get; }

    /// <summary>Latest versions to report for packages without a recording (answered in the registry's shape).</summary>
    public Dictionary<string, string> Latest { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Unrecorded packages report the catalogue's version as the latest (whole-stack runs).</summary>
    public bool CatalogueFallback { get; set; }

    public RegistryOptions Registries => new()
    {
        NuGet = Server.BaseUrl + "/nuget",
        Npm = Server.BaseUrl + "/npm",
        PyPI = Server.BaseUrl + "/pypi",
        Maven = Server.BaseUrl + "/maven",
        GoProxy = Server.BaseUrl + "/go",
        CratesIo = Server.BaseUrl + "/crates",
        DockerHub = Server.BaseUrl + "/docker",
    };

    public OsvOptions Osv => new() { Endpoint = Server.BaseUrl + "/osv" };

    public int RegistryCalls => Server.Requests.Count(r => !r.PathAndQuery.StartsWith("/osv", StringComparison.Ordinal));

    public int OsvCalls => Server.Count("/osv");

    public static async Task<RegistryStub> StartAsync()
    {
        RegistryStub? stub = null;
        var server = await StubServer.StartAsync((context, _) => stub!.HandleAsync(context));
        stub = new RegistryStub(server);
        return stub;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments[0] == "osv")
        {
            var query = await JsonNode.ParseAsync(context.Request.Body);
            var file = $"osv-{query!["package"]!["name"]}-{query["version"]}.json";
            await Send(context, File.Exists(Path.Combine(Recorded, file)) ? file : null, "{}");
            return;
        }

        var (package, recording) = segments[0] switch
        {
            "nuget" => (segments[2], $"nuget-{segments[2]}.json"),
            "npm" => (string.Join('/', segments[1..]), $"npm-{string.Join('-', segments[1..])}.json"),
            "pypi" => (segments[2], $"pypi-{segments[2]}.json"),
            "maven" => ($"{string.Join('.', segments[1..^2])}:{segments[^2]}", $"maven-{segments[^2]}.xml"),
            "go" => (string.Join('/', segments[1..^2]), $"go-{segments[^3]}.list"),
            "crates" => (segments[^1], $"crates-{segments[^1]}.json"),
            "docker" => ($"{segments[3]}/{segments[4]}", $"docker-{segments[4]}.json"),
            _ => ("", ""),
        };

        var latest = Latest.TryGetValue(package, out var pinned) ? pinned
            : CatalogueFallback ? KnowledgeBase.Default.Technologies.Technologies.FirstOrDefault(t => string.Equals(t.Package, package, StringComparison.OrdinalIgnoreCase) || t.Image == package)?.Version
            : null;
        if (latest is not null)
        {
            await Send(context, null, segments[0] switch
            {
                "nuget" => JsonSerializer.Serialize(new { versions = new[] { latest } }),
                "npm" => JsonSerializer.Serialize(new Dictionary<string, object> { ["name"] = package, ["dist-tags"] = new { latest }, ["versions"] = new Dictionary<string, object> { [latest] = new { version = latest } } }),
                "docker" => JsonSerializer.Serialize(new { count = 1, next = (string?)null, previous = (string?)null, results = new[] { new { name = latest, tag_status = "active" } } }),
                _ => throw new InvalidOperationException("no generic shape for " + segments[0]),
            });
            return;
        }

        await Send(context, File.Exists(Path.Combine(Recorded, recording)) ? recording : null, null);
    }

    private static async Task Send(HttpContext context, string? file, string? fallback)
    {
        if (file is null && fallback is null)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsJsonAsync(new { error = "Not found" });
            return;
        }

        context.Response.ContentType = file?.EndsWith(".xml", StringComparison.Ordinal) == true ? "text/xml" : file?.EndsWith(".list", StringComparison.Ordinal) == true ? "text/plain" : "application/json";
        await context.Response.WriteAsync(file is null ? fallback! : await File.ReadAllTextAsync(Path.Combine(Recorded, file)));
    }
}
