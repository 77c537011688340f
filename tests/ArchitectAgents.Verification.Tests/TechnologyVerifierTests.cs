using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Verification;
using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Verification;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Verification.Tests;

/// <summary>The verifier against the real context7 MCP server (stdio and HTTP), with registries and OSV stubbed on loopback.</summary>
public sealed class TechnologyVerifierTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VerifyAsync_Stdio_ClassifiesVerifiedOutdatedVulnerableAndNotFound()
    {
        // Arrange
        await using var api = await Fixtures.ApiAsync();
        await using var registries = await RegistryStub.StartAsync();
        var verifier = Fixtures.Verifier(Fixtures.Options(Context7Server.Stdio(api), registries));

        // Act
        var section = await verifier.VerifyAsync([Fixtures.Npgsql, Fixtures.Fastify, Fixtures.FastApi, Fixtures.Unknown], Ct);

        // Assert
        Assert.Equal(["npgsql", "fastify", "fastapi", "nosuchlib"], section.Entries.Select(e => e.TechnologyId));
        var npgsql = section.Entries[0];
        Assert.Equal(VerificationStatus.Verified, npgsql.Status);
        Assert.Equal("10.0.3", npgsql.LatestStable); // 10.1.0-preview.1 is ignored
        Assert.Equal("/npgsql/npgsql", npgsql.LibraryId);
        Assert.Contains("10.0", npgsql.Excerpt, StringComparison.Ordinal);
        Assert.Contains("https://context7.com/npgsql/npgsql", npgsql.SourceUrls);
        Assert.Contains(npgsql.SourceUrls, u => u.EndsWith("/v3-flatcontainer/npgsql/index.json", StringComparison.Ordinal));
        Assert.True(DateTimeOffset.TryParse(npgsql.CheckedAt, System.Globalization.CultureInfo.InvariantCulture, out _), npgsql.CheckedAt);
        Assert.Null(npgsql.RecommendedVersion);

        var fastify = section.Entries[1];
        Assert.Equal(VerificationStatus.Outdated, fastify.Status);
        Assert.Equal("5.13.0", fastify.LatestStable); // not 6.0.0-rc.2
        Assert.Equal("5.13.0", fastify.RecommendedVersion);
        Assert.Contains("move to 5.13.0", fastify.Reason, StringComparison.Ordinal);

        var fastapi = section.Entries[2];
        Assert.Equal(VerificationStatus.Vulnerable, fastapi.Status);
        var advisory = Assert.Single(fastapi.Advisories);
        Assert.Equal("GHSA-7x2q-5m3w-qq9c", advisory.Id);
        Assert.Equal("0.163.3", advisory.FixedVersion);
        Assert.Equal("0.163.3", fastapi.LatestStable); // 0.164.0b1 is a pre-release
        Assert.Equal("0.163.3", fastapi.RecommendedVersion);
        Assert.Contains("GHSA-7x2q-5m3w-qq9c", fastapi.Reason, StringComparison.Ordinal);

        var unknown = section.Entries[3];
        Assert.Equal(VerificationStatus.Unverified, unknown.Status);
        Assert.Contains("context7 found no library for 'nosuchlib'", unknown.Reason, StringComparison.Ordinal);
        Assert.Equal("5.3.0", unknown.LatestStable); // the registry still answered
        Assert.Null(unknown.LibraryId);

        // The key reached the API through the server, and the registries were asked for the latest versions.
        Assert.Contains(api.Server.Requests, r => r.Headers.TryGetValue("Authorization", out var auth) && auth == "Bearer ctx7sk-stdio-test");
        Assert.Contains(registries.Server.Requests, r => r.PathAndQuery == "/osv/v1/query");
    }

    [Fact]
    public async Task VerifyAsync_StreamableHttp_VerifiesAndForwardsTheKey()
    {
        // Arrange
        await using var api = await Fixtures.ApiAsync();
        await using var registries = await RegistryStub.StartAsync();
        using var server = await Context7Server.StartHttpAsync(api);
        var verifier = Fixtures.Verifier(Fixtures.Options(new Context7Options { Transport = "http", Endpoint = server.Endpoint, ApiKey = "ctx7sk-http-test", TimeoutSeconds = 30 }, registries));

        // Act
        var section = await verifier.VerifyAsync([Fixtures.Npgsql, Fixtures.Unknown], Ct);

        // Assert
        Assert.Equal(VerificationStatus.Verified, section.Entries[0].Status);
        Assert.Equal("/npgsql/npgsql", section.Entries[0].LibraryId);
        Assert.Equal(VerificationStatus.Unverified, section.Entries[1].Status);
        Assert.Contains("found no library", section.Entries[1].Reason, StringComparison.Ordinal);
        Assert.Contains(api.Server.Requests, r => r.Headers.TryGetValue("Authorization", out var auth) && auth == "Bearer ctx7sk-http-test");
    }

    [Fact]
    public async Task VerifyAsync_ServerCrashesMidRun_LaterEntriesUnverifiedAndTheRunCompletes()
    {
        // Arrange: the server process is killed while it is asked about the second technology.
        await using var api = await Fixtures.ApiAsync();
        await using var registries = await RegistryStub.StartAsync();
        var marker = Guid.NewGuid().ToString("N");
        api.BeforeSearch = (name, _) =>
        {
            if (name == "fastify")
            {
                Context7Server.Kill(marker);
            }

            return Task.CompletedTask;
        };
        var verifier = Fixtures.Verifier(Fixtures.Options(Context7Server.Stdio(api, marker, timeoutSeconds: 15), registries, maxConcurrency: 1));

        // Act
        var section = await verifier.VerifyAsync([Fixtures.Npgsql, Fixtures.Fastify, Fixtures.Express], Ct);

        // Assert
        Assert.True(section.Entries[0].Status == VerificationStatus.Verified, section.Entries[0].Reason);
        // Fastify is still outdated by its registry, and the entry says context7 was not checked.
        Assert.Equal(VerificationStatus.Outdated, section.Entries[1].Status);
        Assert.Contains("Not checked: context7", section.Entries[1].Reason, StringComparison.Ordinal);
        var express = section.Entries[2];
        Assert.Equal(VerificationStatus.Unverified, express.Status);
        Assert.StartsWith("context7", express.Reason, StringComparison.Ordinal);
        Assert.Equal("5.3.0", express.LatestStable);
        Assert.Equal(0, api.Server.Requests.Count(r => r.PathAndQuery.Contains("libraryName=express", StringComparison.Ordinal)));
        Assert.DoesNotContain('\n', express.Reason);
    }

    [Fact]
    public async Task VerifyAsync_SlowServer_TimesOutThatLookupOnly()
    {
        // Arrange: the API never answers the search for fastify.
        await using var api = await Fixtures.ApiAsync();
        await using var registries = await RegistryStub.StartAsync();
        api.BeforeSearch = async (name, server) =>
        {
            if (name == "fastify")
            {
                await Task.Delay(Timeout.Infinite, server.Stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        };
        var verifier = Fixtures.Verifier(Fixtures.Options(Context7Server.Stdio(api, timeoutSeconds: 3), registries));

        // Act
        var section = await verifier.VerifyAsync([Fixtures.Fastify, Fixtures.Npgsql, Fixtures.Express], Ct);

        // Assert
        var fastify = section.Entries[0];
        Assert.Contains("context7 resolve-library-id did not answer within 3 s", fastify.Reason, StringComparison.Ordinal);
        Assert.Equal(VerificationStatus.Outdated, fastify.Status);
        Assert.Equal(VerificationStatus.Verified, section.Entries[1].Status);
        Assert.Equal(VerificationStatus.Verified, section.Entries[2].Status);
    }

    [Fact]
    public async Task VerifyAsync_SecondRunWithinTtl_MakesNoNewCalls()
    {
        // Arrange: the run store's cache on SQLite, as the CLI and the service use it.
        using var dir = new TempDirectory();
        var connectionString = $"Data Source={Path.Combine(dir.Path, "runs.db")}";
        await using (var db = StoreRegistration.Open(connectionString))
        {
            await StoreRegistration.EnsureSchemaAsync(db, Ct);
        }

        var time = new ManualTime(DateTimeOffset.UtcNow);
        var cache = new EfVerificationCache(new DbContextFactory(connectionString), time);
        await using var api = await Fixtures.ApiAsync();
        await using var registries = await RegistryStub.StartAsync();
        var options = Fixtures.Options(Context7Server.Stdio(api), registries);
        var connects = 0;
        Task<Context7Client> Connect(CancellationToken ct)
        {
            Interlocked.Increment(ref connects);
            return Context7Client.ConnectAsync(options.Context7, ct);
        }

        IReadOnlyList<Core.Knowledge.TechnologyInfo> stack = [Fixtures.Npgsql, Fixtures.Fastify, Fixtures.FastApi];
        var first = await Fixtures.Verifier(options, cache, time, Connect).VerifyAsync(stack, Ct);
        var calls = (api.Server.Requests.Count, registries.Server.Requests.Count);

        // Act: a second run (a new verifier, as a new run gets) ten minutes later.
        time.Now = time.Now.AddMinutes(10);
        var second = await Fixtures.Verifier(options, cache, time, Connect).VerifyAsync(stack, Ct);

        // Assert
        Assert.Equal(calls, (api.Server.Requests.Count, registries.Server.Requests.Count));
        Assert.Equal(1, connects);
        Assert.Equal(first.Entries.Select(e => (e.Status, e.LatestStable, e.LibraryId, e.CheckedAt)), second.Entries.Select(e => (e.Status, e.LatestStable, e.LibraryId, e.CheckedAt)));

        // Past the TTL the sources are asked again.
        time.Now = time.Now.AddMinutes(options.CacheTtlMinutes);
        await Fixtures.Verifier(options, cache, time, Connect).VerifyAsync(stack, Ct);
        Assert.True(api.Server.Requests.Count > calls.Item1);
        Assert.True(registries.Server.Requests.Count > calls.Item2);
        Assert.Equal(2, connects);
    }

    [Fact]
    public async Task VerifyAsync_AdvisoryApiDown_EntryUnverifiedWithReasonOthersUnaffected()
    {
        // Arrange: context7 off, OSV on a closed port.
        await using var registries = await RegistryStub.StartAsync();
        var options = Fixtures.Options(new Context7Options { Enabled = false }, registries);
        options.Osv = new OsvOptions { Endpoint = "http://127.0.0.1:1" };
        var verifier = Fixtures.Verifier(options);

        // Act
        var section = await verifier.VerifyAsync([Fixtures.Npgsql, Fixtures.Fastify], Ct);

        // Assert
        Assert.Equal(VerificationStatus.Unverified, section.Entries[0].Status);
        Assert.Contains("OSV: request failed", section.Entries[0].Reason, StringComparison.Ordinal);
        Assert.Contains("context7 not consulted", section.Entries[0].Reason, StringComparison.Ordinal);
        Assert.Equal("10.0.3", section.Entries[0].LatestStable);
        Assert.Equal(VerificationStatus.Outdated, section.Entries[1].Status);
    }

    [Theory]
    [InlineData("nuget", "Npgsql", "10.0.3")]
    [InlineData("npm", "fastify", "5.13.0")]
    [InlineData("pypi", "fastapi", "0.163.3")]
    [InlineData("maven", "org.springframework.boot:spring-boot-starter-parent", "4.0.7")]
    [InlineData("go", "github.com/gin-gonic/gin", "v1.12.0")]
    [InlineData("crates", "serde", "1.0.231")]
    [InlineData("docker", "library/postgres", "18.1")]
    public async Task LatestStableAsync_RecordedResponse_IgnoresPreReleases(string registry, string package, string expected)
    {
        await using var stub = await RegistryStub.StartAsync();
        var client = new PackageRegistryClient(VerificationConfiguration.CreateHttpClient(new VerificationOptions()), stub.Registries);

        var lookup = await client.LatestStableAsync(new PackageCoordinates(registry, package, null), Ct);

        Assert.Equal(expected, lookup.LatestStable);
        Assert.StartsWith(stub.Server.BaseUrl, lookup.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LatestStableAsync_UnknownPackage_SaysNotFound()
    {
        await using var stub = await RegistryStub.StartAsync();
        var client = new PackageRegistryClient(VerificationConfiguration.CreateHttpClient(new VerificationOptions()), stub.Registries);

        var error = await Assert.ThrowsAsync<VerificationSourceException>(() => client.LatestStableAsync(new PackageCoordinates("nuget", "No.Such.Package", "NuGet"), Ct));

        Assert.Equal("NuGet: package 'No.Such.Package' not found (404)", error.Message);
    }
}
