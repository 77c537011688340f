using System.Globalization;
using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Verification;

/// <summary>
/// Checks technologies against current sources: context7 (resolve the library, read the docs on current version,
/// breaking changes, deprecations and security), the package registry of the technology's ecosystem (latest stable)
/// and an OSV-compatible API (advisories for the chosen version). Lookups run concurrently up to a limit, each with
/// a timeout; successful ones are cached. A source that fails makes that entry <c>unverified</c> with the reason,
/// never the whole run fail.
/// </summary>
public sealed class TechnologyVerifier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly VerificationOptions _options;
    private readonly IVerificationCache _cache;
    private readonly PackageRegistryClient _registries;
    private readonly OsvClient _osv;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task<Context7Client>> _connect;

    /// <summary>Creates the verifier; <paramref name="connect"/> overrides how the context7 session is opened (tests).</summary>
    public TechnologyVerifier(VerificationOptions options, IVerificationCache cache, HttpClient http, TimeProvider? time = null, Func<CancellationToken, Task<Context7Client>>? connect = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _cache = cache;
        _time = time ?? TimeProvider.System;
        _registries = new PackageRegistryClient(http, options.Registries, _time);
        _osv = new OsvClient(http, options.Osv);
        _connect = connect ?? (ct => Context7Client.ConnectAsync(options.Context7, ct));
    }

    /// <summary>Verifies every technology; the entries come back in the order given.</summary>
    public async Task<VerificationSection> VerifyAsync(IReadOnlyList<TechnologyInfo> technologies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(technologies);
        await using var context7 = new Context7Session(_connect, cancellationToken);
        using var gate = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
        var entries = await Task.WhenAll(technologies.Select(async tech =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await VerifyOneAsync(tech, context7, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);

        var sources = new List<string>();
        if (_options.Context7.Enabled) sources.Add("context7 (" + _options.Context7.Transport + ")");
        if (_options.Registries.Enabled) sources.Add("package registries");
        if (_options.Osv.Enabled) sources.Add("OSV advisories (" + _osv.QueryUrl + ")");
        return new VerificationSection { Sources = sources, Entries = [.. entries] };
    }

    private async Task<VerificationEntry> VerifyOneAsync(TechnologyInfo tech, Context7Session context7, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var coordinates = PackageCoordinates.Of(tech);
        var managed = string.Equals(tech.Version, "managed", StringComparison.OrdinalIgnoreCase);

        var docsTask = _options.Context7.Enabled
            ? LookupAsync($"context7:{tech.Context7Query.ToLowerInvariant()}:{tech.Version}", ct => ReadDocsAsync(tech, context7, ct), null, cancellationToken)
            : Task.FromResult(Result<DocsFact>.Failed("context7 not consulted (Verification:Context7:Enabled is false)"));
        var registryTask = coordinates is null
            ? Task.FromResult(Result<RegistryLookup>.Failed(managed ? null : $"no package registry covers '{tech.Ecosystem}' technologies, so the version is not confirmed"))
            : _options.Registries.Enabled
                ? LookupAsync($"registry:{coordinates.Registry}:{coordinates.Package}", ct => _registries.LatestStableAsync(coordinates, ct), Timeout, cancellationToken)
                : Task.FromResult(Result<RegistryLookup>.Failed("registries not consulted (Verification:Registries:Enabled is false)"));
        var advisoryTask = coordinates?.OsvEcosystem is not { } ecosystem
            ? Task.FromResult(Result<AdvisoryFact>.Failed(null))
            : _options.Osv.Enabled
                ? LookupAsync($"osv:{ecosystem}:{coordinates.Package}:{tech.Version}", ct => QueryAdvisoriesAsync(ecosystem, coordinates.Package, tech.Version, ct), Timeout, cancellationToken)
                : Task.FromResult(Result<AdvisoryFact>.Failed("advisories not consulted (Verification:Osv:Enabled is false)"));

        var docs = await docsTask.ConfigureAwait(false);
        var registry = await registryTask.ConfigureAwait(false);
        var advisories = await advisoryTask.ConfigureAwait(false);
        foreach (var failure in new[] { docs.Error, registry.Error, advisories.Error })
        {
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        var entry = new VerificationEntry
        {
            TechnologyId = tech.Id,
            Name = tech.Name,
            Ecosystem = tech.Ecosystem,
            ChosenVersion = tech.Version,
            LatestStable = registry.Value?.LatestStable,
            LibraryId = docs.Value?.LibraryId,
            Excerpt = docs.Value?.Excerpt,
            DocsUrl = docs.Value?.Url ?? (tech.DocsUrl.Length > 0 ? tech.DocsUrl : null),
            Advisories = advisories.Value?.Advisories ?? [],
        };
        entry.DocSource = string.Join("; ", new[]
        {
            docs.Value is { } d ? "context7 " + d.LibraryId : null,
            registry.Value is { } r ? $"{r.Registry} {r.Package}" : null,
            advisories.Value is not null ? "OSV" : null,
        }.OfType<string>()) is { Length: > 0 } source ? source : "none reachable";
        entry.SourceUrls = [.. new[] { docs.Value?.Url, registry.Value?.Url }.OfType<string>(), .. entry.Advisories.Select(a => a.Url)];
        if (advisories.Value is not null && entry.Advisories.Count == 0)
        {
            entry.SourceUrls.Add(_osv.QueryUrl);
        }

        entry.CheckedAt = new[] { docs.Value?.CheckedAt, registry.Value?.CheckedAt, advisories.Value?.CheckedAt }.OfType<string>().Order(StringComparer.Ordinal).FirstOrDefault() ?? Now();
        await DecideAsync(entry, tech, coordinates, registry.Value, failures, managed, cancellationToken).ConfigureAwait(false);
        return entry;
    }

    private async Task DecideAsync(VerificationEntry entry, TechnologyInfo tech, PackageCoordinates? coordinates, RegistryLookup? registry, List<string> failures, bool managed, CancellationToken cancellationToken)
    {
        var also = failures.Count > 0 ? " Not checked: " + string.Join("; ", failures) + "." : "";
        if (entry.Advisories.Count > 0)
        {
            entry.Status = VerificationStatus.Vulnerable;
            entry.RecommendedVersion = await FixedTargetAsync(entry, coordinates!, registry, cancellationToken).ConfigureAwait(false);
            var ids = string.Join(", ", entry.Advisories.Select(a => a.Id + (a.FixedVersion is { } f ? $" (fixed in {f})" : " (no fix listed)")));
            entry.Reason = $"{ids} affect{(entry.Advisories.Count == 1 ? "s" : "")} {tech.Name} {tech.Version}; "
                + (entry.RecommendedVersion is { } target ? $"move to {target}." : "no fixed stable release is known, so replace it or accept the risk explicitly.") + also;
            return;
        }

        if (tech.Deprecated)
        {
            entry.Status = VerificationStatus.Outdated;
            entry.Reason = $"The catalogue marks {tech.Name} as deprecated; choose a maintained alternative." + also;
            return;
        }

        if (registry is not null && VersionText.IsBehind(tech.Version, registry.LatestStable))
        {
            entry.Status = VerificationStatus.Outdated;
            entry.RecommendedVersion = registry.LatestStable;
            entry.Reason = $"{registry.Registry} lists {registry.LatestStable} as the latest stable release of {registry.Package}, newer than {tech.Version}; move to {registry.LatestStable}." + also;
            return;
        }

        if (failures.Count > 0)
        {
            entry.Status = VerificationStatus.Unverified;
            entry.Reason = string.Join("; ", failures) + ".";
            return;
        }

        entry.Status = VerificationStatus.Verified;
        var docs = entry.LibraryId is { } id ? $"current docs read from context7 {id}" : "";
        entry.Reason = managed
            ? $"Managed service with no version to pin; {docs}."
            : $"{registry!.Registry} lists {registry.LatestStable} as the latest stable release, so {tech.Version} is current; "
              + (coordinates?.OsvEcosystem is null ? "OSV has no ecosystem for container images, so advisories were not checked; " : "no OSV advisory affects it; ")
              + docs + ".";
    }

    // For a vulnerable pick: the latest stable release when it is clean, else the lowest listed fix.
    private async Task<string?> FixedTargetAsync(VerificationEntry entry, PackageCoordinates coordinates, RegistryLookup? registry, CancellationToken cancellationToken)
    {
        var fix = entry.Advisories.Select(a => a.FixedVersion).OfType<string>().OrderBy(f => f, Comparer<string>.Create(VersionText.Compare)).LastOrDefault();
        if (registry is not null && VersionText.Compare(registry.LatestStable, entry.ChosenVersion) > 0 && coordinates.OsvEcosystem is { } ecosystem)
        {
            var latest = await LookupAsync($"osv:{ecosystem}:{coordinates.Package}:{registry.LatestStable}", ct => QueryAdvisoriesAsync(ecosystem, coordinates.Package, registry.LatestStable, ct), Timeout, cancellationToken).ConfigureAwait(false);
            if (latest.Value is { Advisories.Count: 0 })
            {
                return registry.LatestStable;
            }
        }

        return entry.Advisories.All(a => a.FixedVersion is not null) ? fix : null;
    }

    private async Task<DocsFact> ReadDocsAsync(TechnologyInfo tech, Context7Session session, CancellationToken cancellationToken)
    {
        var client = await session.ClientAsync().ConfigureAwait(false);
        var (library, _) = await client.ResolveAsync(tech.Context7Query, $"Current stable version, deprecations and security guidance for {tech.Name}", cancellationToken).ConfigureAwait(false);
        var docs = await client.QueryDocsAsync(library.Id, $"{tech.Name} {tech.Version}: current stable version, breaking changes, deprecations and security guidance", cancellationToken).ConfigureAwait(false);
        return new DocsFact(library.Id, library.Title, Context7Text.Excerpt(docs, tech.Version), "https://context7.com" + library.Id, Now());
    }

    private async Task<AdvisoryFact> QueryAdvisoriesAsync(string ecosystem, string package, string version, CancellationToken cancellationToken) =>
        new([.. await _osv.QueryAsync(ecosystem, package, version, cancellationToken).ConfigureAwait(false)], Now());

    private async Task<Result<T>> LookupAsync<T>(string key, Func<CancellationToken, Task<T>> fetch, TimeSpan? timeout, CancellationToken cancellationToken)
        where T : class
    {
        if (await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            try
            {
                if (JsonSerializer.Deserialize<T>(cached, Json) is { } hit)
                {
                    return Result<T>.Ok(hit);
                }
            }
            catch (JsonException)
            {
                // A value written by another version of this type: look it up again.
            }
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } t)
        {
            cts.CancelAfter(t);
        }

        try
        {
            var value = await fetch(cts.Token).ConfigureAwait(false);
            await _cache.SetAsync(key, JsonSerializer.Serialize(value, Json), _time.GetUtcNow().AddMinutes(Math.Max(0, _options.CacheTtlMinutes)), cancellationToken).ConfigureAwait(false);
            return Result<T>.Ok(value);
        }
        catch (VerificationSourceException ex)
        {
            return Result<T>.Failed(ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result<T>.Failed($"{Describe(key)} did not answer within {timeout?.TotalSeconds:0} s");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever else one source throws (a malformed base URL, an unexpected answer) stays with that entry.
            return Result<T>.Failed($"{Describe(key)} failed: {ex.GetType().Name}: {ex.Message.Split('\n', 2)[0]}");
        }
    }

    private static string Describe(string key) => key[..key.IndexOf(':', StringComparison.Ordinal)] switch
    {
        "registry" => "the registry",
        "osv" => "OSV",
        _ => "context7",
    };

    private TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds));

    private string Now() => Now(_time);

    private static string Now(TimeProvider time) => time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private sealed record DocsFact(string LibraryId, string Title, string Excerpt, string Url, string CheckedAt);

    private sealed record AdvisoryFact(List<AdvisoryRef> Advisories, string CheckedAt);

    private sealed record Result<T>(T? Value, string? Error)
        where T : class
    {
        public static Result<T> Ok(T value) => new(value, null);

        public static Result<T> Failed(string? error) => new(null, error);
    }

    /// <summary>One context7 session per verification pass, opened on the first cache miss only.</summary>
    private sealed class Context7Session(Func<CancellationToken, Task<Context7Client>> connect, CancellationToken cancellationToken) : IAsyncDisposable
    {
        private readonly Lock _lock = new();
        private Task<Context7Client>? _client;

        public Task<Context7Client> ClientAsync()
        {
            lock (_lock)
            {
                return _client ??= connect(cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            Task<Context7Client>? client;
            lock (_lock)
            {
                client = _client;
            }

            if (client is { IsCompletedSuccessfully: true })
            {
                await client.Result.DisposeAsync().ConfigureAwait(false);
            }
            else if (client is not null)
            {
                try
                {
                    await (await client.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is VerificationSourceException or OperationCanceledException)
                {
                    // Connecting failed; every entry that needed it already says so.
                }
            }
        }
    }
}
