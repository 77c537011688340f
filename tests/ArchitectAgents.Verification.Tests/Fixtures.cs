using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Verification;
using ArchitectAgents.Runs.Verification;

namespace ArchitectAgents.Verification.Tests;

/// <summary>Technologies, docs and verifier settings shared by the tests.</summary>
internal static class Fixtures
{
    public static TechnologyInfo Npgsql => Tech("npgsql", "Npgsql", "nuget", "Npgsql", "10.0.3", "npgsql");

    public static TechnologyInfo Fastify => Tech("fastify", "Fastify", "npm", "fastify", "5.12.8", "fastify");

    public static TechnologyInfo FastApi => Tech("fastapi", "FastAPI", "pypi", "fastapi", "0.163.2", "fastapi");

    public static TechnologyInfo Express => Tech("express", "Express", "npm", "express", "5.3.0", "express");

    /// <summary>A package the registry knows but context7 does not.</summary>
    public static TechnologyInfo Unknown => Tech("nosuchlib", "No Such Lib", "npm", "express", "5.3.0", "nosuchlib");

    public static TechnologyInfo Tech(string id, string name, string ecosystem, string package, string version, string query) => new()
    {
        Id = id,
        Name = name,
        Ecosystem = ecosystem,
        Package = package,
        Version = version,
        Context7Query = query,
        DocsUrl = $"https://docs.example.test/{id}",
        VersionSource = "test",
    };

    public static async Task<Context7Api> ApiAsync()
    {
        var api = await Context7Api.StartAsync();
        api.Library("npgsql", "/npgsql/npgsql", "Npgsql", "### Npgsql 10.0 release notes\n\nSource: https://www.npgsql.org/doc/release-notes/10.0.html\n\nNpgsql 10.0 drops support for .NET 6. Breaking changes: the legacy timestamp behaviour switch was removed.\n\n--------------------------------\n\n### Security\n\nAlways set SSL Mode=VerifyFull in production.")
            .Library("fastify", "/fastify/fastify", "Fastify", "### Fastify v5 LTS\n\nSource: https://fastify.dev/docs/latest/Reference/LTS/\n\nFastify 5.x is the supported line; v4 reached end of life.")
            .Library("fastapi", "/fastapi/fastapi", "FastAPI", "### Security\n\nSource: https://fastapi.tiangolo.com/tutorial/security/\n\nUse OAuth2 with scopes; keep FastAPI current for security fixes.")
            .Library("express", "/expressjs/express", "Express", "### Express 5.x\n\nSource: https://expressjs.com/en/guide/migrating-5.html\n\nExpress 5 removes deprecated methods such as app.del().");
        return api;
    }

    public static VerificationOptions Options(Context7Options context7, RegistryStub registries, int maxConcurrency = 4) => new()
    {
        Enabled = true,
        MaxConcurrency = maxConcurrency,
        TimeoutSeconds = 15,
        CacheTtlMinutes = 60,
        Context7 = context7,
        Registries = registries.Registries,
        Osv = registries.Osv,
    };

    public static TechnologyVerifier Verifier(VerificationOptions options, IVerificationCache? cache = null, TimeProvider? time = null, Func<CancellationToken, Task<Context7Client>>? connect = null) =>
        new(options, cache ?? new MemoryVerificationCache(time), VerificationConfiguration.CreateHttpClient(options), time, connect);
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
