using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ArchitectAgents.Api.Tests;

public sealed class SecurityTests
{
    [Fact]
    public async Task NoKeyOrBadKey_Is401Problem_HealthStaysOpen()
    {
        await using var api = new ApiFactory();
        var anonymous = api.CreateClient();

        using var none = await anonymous.GetAsync("/v1/runs", TestContext.Current.CancellationToken);
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "ak_wrong");
        using var wrong = await anonymous.GetAsync("/v1/runs", TestContext.Current.CancellationToken);
        using var live = await api.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        // A key from another store is the usual cause: the answer says how to check, without naming server paths.
        var detail = (await wrong.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("detail").GetString();
        Assert.Contains("architect keys list", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartLine_NamesTheRunStore()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var api = new ApiFactory(new() { ["Logging:LogLevel:ArchitectAgents.Runs.Store"] = "Information" })
        {
            TestServices = services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(new LineCapture(lines)),
        };

        using var live = await api.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Contains(lines, l => l.StartsWith("Run store: SQLite /", StringComparison.Ordinal) && l.Contains(".db", StringComparison.Ordinal));
    }

    private sealed class LineCapture(System.Collections.Concurrent.ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task AnonymousDevelopmentMode_OnlyWhenEnabled()
    {
        await using var open = new ApiFactory(new() { ["Auth:AllowAnonymous"] = "true" });

        using var response = await open.CreateClient().GetAsync("/v1/runs", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AllowAnonymous is on", File.ReadAllText(open.LogFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherKey_CannotSeeOrTouchTheRun()
    {
        await using var api = new ApiFactory();
        var alice = await api.ClientAsync("alice");
        var bob = await api.ClientAsync("bob");
        var id = (await alice.CreateAsync("# Alice's\nTeam of 2, 100 users.")).GetProperty("id").GetString()!;

        foreach (var path in new[] { $"/v1/runs/{id}", $"/v1/runs/{id}/events", $"/v1/runs/{id}/document", $"/v1/runs/{id}/questions", $"/v1/runs/{id}/deliverables" })
        {
            using var response = await bob.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var cancel = await bob.PostAsync($"/v1/runs/{id}/cancel", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        var bobsList = await bob.GetFromJsonAsync<JsonElement>("/v1/runs", TestContext.Current.CancellationToken);
        Assert.Equal(0, bobsList.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/v1/runs/{id}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task RateLimit_PerKey_429WithRetryAfter()
    {
        await using var api = new ApiFactory(new() { ["Api:RateLimitPermits"] = "3", ["Api:RateLimitWindowSeconds"] = "60" });
        var limited = await api.ClientAsync("busy");
        var other = await api.ClientAsync("calm");

        for (var i = 0; i < 3; i++)
        {
            (await limited.GetAsync("/v1/runs", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        using var rejected = await limited.GetAsync("/v1/runs", TestContext.Current.CancellationToken);
        using var unaffected = await other.GetAsync("/v1/runs", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.True(rejected.Headers.RetryAfter is not null || rejected.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
    }

    [Fact]
    public async Task Webhooks_AreRateLimitedPerSourceAddress_BeforeTheSignatureCheck_429ProblemWithRetryAfter()
    {
        await using var api = new ApiFactory(new()
        {
            ["Webhooks:GitHub:Secret"] = "rate-limit-secret",
            ["Api:WebhookRateLimitPermits"] = "3",
            ["Api:WebhookRateLimitWindowSeconds"] = "60",
        });
        var sender = api.CreateClient();
        var caller = await api.ClientAsync("unaffected");
        var body = "{}"u8.ToArray();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var badSignature = await Webhooks.Fixtures.PostGitHubAsync(sender, "issues", $"d-{i}", body, "sha256=00");
            statuses.Add(badSignature.StatusCode);
        }

        using var limited = await Webhooks.Fixtures.PostGitHubAsync(sender, "issues", "d-over", body, "sha256=00");
        using var api200 = await caller.GetAsync("/v1/runs", TestContext.Current.CancellationToken);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null, "no Retry-After");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This address may send 3 requests per 60 s", await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, api200.StatusCode);
    }

    [Fact]
    public async Task Cancel_RunningRun_EndsCancelled()
    {
        await using var api = new ApiFactory(new() { ["Models:default:LatencyMs"] = "800" });
        var client = await api.ClientAsync();
        var id = (await client.CreateAsync("# Slow\nTeam of 2, 100 users.")).GetProperty("id").GetString()!;
        await client.WaitForAsync(id, "running");

        using var response = await client.PostAsync($"/v1/runs/{id}/cancel", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await client.WaitForAsync(id, "cancelled", "completed", "failed");
        Assert.Equal("cancelled", run.GetProperty("status").GetString());
        var events = await client.ReadEventsAsync(id);
        Assert.Contains(events, e => e.Type == "cancel_requested");
        Assert.Equal("run_finished", events[^1].Type);
    }
}

public sealed class JwtTests
{
    private const string SigningKey = "test-signing-key-that-is-long-enough-for-hs256!";

    [Fact]
    public async Task BearerToken_IsAcceptedAndOwnsItsRuns_BadTokenIs401()
    {
        await using var api = new ApiFactory(new()
        {
            ["Auth:Jwt:SigningKey"] = SigningKey,
            ["Auth:Jwt:Issuer"] = "https://issuer.test",
            ["Auth:Jwt:Audience"] = "architect",
        });
        var carol = api.CreateClient();
        carol.DefaultRequestHeaders.Authorization = new("Bearer", Token("carol", SigningKey));
        var mallory = api.CreateClient();
        mallory.DefaultRequestHeaders.Authorization = new("Bearer", Token("mallory", "another-signing-key-that-is-long-enough-for-hs256"));
        var dave = api.CreateClient();
        dave.DefaultRequestHeaders.Authorization = new("Bearer", Token("dave", SigningKey));

        var id = (await carol.CreateAsync("# Carol's\nTeam of 2, 100 users.")).GetProperty("id").GetString()!;
        using var forged = await mallory.GetAsync("/v1/runs", TestContext.Current.CancellationToken);
        using var other = await dave.GetAsync($"/v1/runs/{id}", TestContext.Current.CancellationToken);
        using var own = await carol.GetAsync($"/v1/runs/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, own.StatusCode);
    }

    private static string Token(string subject, string key) => new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
    {
        Issuer = "https://issuer.test",
        Audience = "architect",
        Expires = DateTime.UtcNow.AddMinutes(10),
        Claims = new Dictionary<string, object> { ["sub"] = subject },
        SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
            new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(key)), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
    });
}
