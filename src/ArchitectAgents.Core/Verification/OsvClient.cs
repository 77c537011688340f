using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Verification;

/// <summary>Asks an OSV-compatible API (<c>POST /v1/query</c>) which advisories affect one version of a package.</summary>
public sealed class OsvClient(HttpClient http, OsvOptions options)
{
    /// <summary>The query URL.</summary>
    public string QueryUrl => options.Endpoint.TrimEnd('/') + "/v1/query";

    /// <summary>Advisories affecting <paramref name="version"/>; empty when none. Throws <see cref="VerificationSourceException"/> when the API cannot say.</summary>
    public async Task<IReadOnlyList<AdvisoryRef>> QueryAsync(string ecosystem, string package, string version, CancellationToken cancellationToken)
    {
        // OSV records Go module versions without the leading v.
        var queried = ecosystem == "Go" ? version.TrimStart('v') : version;
        var body = new JsonObject { ["version"] = queried, ["package"] = new JsonObject { ["name"] = package, ["ecosystem"] = ecosystem } };
        JsonDocument doc;
        try
        {
            using var response = await http.PostAsJsonAsync(QueryUrl, body, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new VerificationSourceException($"OSV: HTTP {(int)response.StatusCode} for {ecosystem} {package} {version}");
            }

            doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new VerificationSourceException($"OSV: request failed ({ex.Message})", ex);
        }
        catch (JsonException ex)
        {
            throw new VerificationSourceException($"OSV: the answer is not JSON ({ex.Message})", ex);
        }

        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("vulns", out var vulns) || vulns.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. vulns.EnumerateArray().Select(v => Advisory(v, package, queried))];
        }
    }

    private AdvisoryRef Advisory(JsonElement vuln, string package, string version)
    {
        var id = Text(vuln, "id") ?? "unknown";
        var fixedVersions = new List<string>();
        if (vuln.TryGetProperty("affected", out var affected) && affected.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in affected.EnumerateArray())
            {
                if (a.TryGetProperty("package", out var p) && Text(p, "name") is { } name && !string.Equals(name, package, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!a.TryGetProperty("ranges", out var ranges) || ranges.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var ev in ranges.EnumerateArray().Where(r => r.TryGetProperty("events", out _)).SelectMany(r => r.GetProperty("events").EnumerateArray()))
                {
                    if (Text(ev, "fixed") is { } f)
                    {
                        fixedVersions.Add(f);
                    }
                }
            }
        }

        // The fix that matters is the lowest one above the chosen version.
        var fix = fixedVersions.Where(f => VersionText.Compare(f, version) > 0).OrderBy(f => f, Comparer<string>.Create(VersionText.Compare)).FirstOrDefault();
        return new AdvisoryRef
        {
            Id = id,
            Aliases = vuln.TryGetProperty("aliases", out var aliases) && aliases.ValueKind == JsonValueKind.Array ? [.. aliases.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Length > 0)] : [],
            Summary = Text(vuln, "summary") ?? Clip(Text(vuln, "details") ?? ""),
            FixedVersion = fix,
            Url = options.AdvisoryPage + id,
        };
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Clip(string text) => text.Length <= 160 ? text : text[..159] + "…";
}
