using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace ArchitectAgents.Core.Verification;

/// <summary>
/// Asks a package registry for the latest stable release of a package: NuGet's flat container, the npm registry,
/// PyPI's JSON API, Maven Central's <c>maven-metadata.xml</c>, the Go module proxy, crates.io and Docker Hub tags.
/// </summary>
public sealed class PackageRegistryClient(HttpClient http, RegistryOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The latest stable release of <paramref name="package"/>; throws <see cref="VerificationSourceException"/> when the registry cannot say.</summary>
    public async Task<RegistryLookup> LatestStableAsync(PackageCoordinates package, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        var name = package.Package;
        var (registry, url) = package.Registry switch
        {
            "nuget" => ("NuGet", $"{Base(options.NuGet)}/v3-flatcontainer/{name.ToLowerInvariant()}/index.json"),
            "npm" => ("npm", $"{Base(options.Npm)}/{name.Replace("/", "%2f", StringComparison.Ordinal)}"),
            "pypi" => ("PyPI", $"{Base(options.PyPI)}/pypi/{name}/json"),
            "maven" => ("Maven Central", MavenUrl(name)),
            "go" => ("Go module proxy", $"{Base(options.GoProxy)}/{GoEscape(name)}/@v/list"),
            "crates" => ("crates.io", $"{Base(options.CratesIo)}/api/v1/crates/{name}"),
            "docker" => ("Docker Hub", $"{Base(options.DockerHub)}/v2/repositories/{name}/tags?page_size=100&ordering=last_updated"),
            _ => throw new VerificationSourceException($"no registry client for '{package.Registry}'"),
        };

        var body = await GetAsync(registry, name, url, package.Registry == "npm" ? "application/vnd.npm.install-v1+json" : null, cancellationToken).ConfigureAwait(false);
        string? latest;
        try
        {
            latest = package.Registry switch
            {
                "nuget" => FromJson(body, d => VersionText.LatestStable(Strings(d.RootElement.GetProperty("versions")))),
                "npm" => FromJson(body, Npm),
                "pypi" => FromJson(body, PyPi),
                "maven" => VersionText.LatestStable(XDocument.Parse(body).Descendants("version").Select(v => v.Value.Trim())),
                "go" => VersionText.LatestStable(body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
                "crates" => FromJson(body, d => d.RootElement.GetProperty("crate").GetProperty("max_stable_version").GetString()),
                _ => FromJson(body, d => VersionText.LatestStable(d.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString() ?? ""))),
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new VerificationSourceException($"{registry}: unexpected answer for '{name}' ({ex.Message})", ex);
        }

        return latest is { Length: > 0 }
            ? new RegistryLookup(registry, name, latest, url, _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))
            : throw new VerificationSourceException($"{registry}: no stable release of '{name}' listed");
    }

    private async Task<string> GetAsync(string registry, string name, string url, string? accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new VerificationSourceException($"{registry}: package '{name}' not found (404)");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new VerificationSourceException($"{registry}: HTTP {(int)response.StatusCode} for '{name}'");
            }

            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new VerificationSourceException($"{registry}: request failed ({ex.Message})", ex);
        }
    }

    private static string? Npm(JsonDocument doc)
    {
        var root = doc.RootElement;
        if (root.TryGetProperty("dist-tags", out var tags) && tags.TryGetProperty("latest", out var latest) && latest.GetString() is { } l && VersionText.IsStable(l))
        {
            return l;
        }

        return root.TryGetProperty("versions", out var versions) ? VersionText.LatestStable(versions.EnumerateObject().Select(p => p.Name)) : null;
    }

    private static string? PyPi(JsonDocument doc)
    {
        var root = doc.RootElement;
        var candidates = new List<string>();
        if (root.TryGetProperty("releases", out var releases))
        {
            // A release whose every file is yanked is not installable by default.
            candidates.AddRange(releases.EnumerateObject()
                .Where(r => r.Value.ValueKind != JsonValueKind.Array || r.Value.GetArrayLength() == 0 || r.Value.EnumerateArray().Any(f => !(f.TryGetProperty("yanked", out var y) && y.ValueKind == JsonValueKind.True)))
                .Select(r => r.Name));
        }

        if (root.TryGetProperty("info", out var info) && info.TryGetProperty("version", out var v) && v.GetString() is { } version)
        {
            candidates.Add(version);
        }

        return VersionText.LatestStable(candidates);
    }

    private string MavenUrl(string coordinates)
    {
        var parts = coordinates.Split(':');
        return parts.Length == 2
            ? $"{Base(options.Maven)}/{parts[0].Replace('.', '/')}/{parts[1]}/maven-metadata.xml"
            : throw new VerificationSourceException($"Maven Central: '{coordinates}' is not group:artifact");
    }

    // The Go proxy protocol escapes upper-case letters as '!' + lower case.
    private static string GoEscape(string module) => string.Concat(module.Select(c => char.IsUpper(c) ? "!" + char.ToLowerInvariant(c) : c.ToString()));

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString() ?? "");

    private static string? FromJson(string body, Func<JsonDocument, string?> read)
    {
        using var doc = JsonDocument.Parse(body);
        return read(doc);
    }

    private static string Base(string url) => url.TrimEnd('/');
}
