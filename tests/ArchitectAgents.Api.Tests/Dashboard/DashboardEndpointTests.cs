using System.Net;
using System.Text.Json;

namespace ArchitectAgents.Api.Tests.Dashboard;

[Collection(ArchitectAgents.Api.Tests.Telemetry.WholeRunTests.Name)]
public sealed class DashboardEndpointTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData("/dashboard", "text/html")]
    [InlineData("/dashboard/", "text/html")]
    [InlineData("/dashboard/dashboard.js", "text/javascript")]
    [InlineData("/dashboard/dashboard.css", "text/css")]
    [InlineData("/dashboard/vendor/mermaid.min.js", "text/javascript")]
    [InlineData("/dashboard/vendor/marked.umd.js", "text/javascript")]
    [InlineData("/dashboard/vendor/purify.min.js", "text/javascript")]
    public async Task Assets_LoadWithoutCredentials_WithAStrictContentSecurityPolicy(string path, string mediaType)
    {
        using var client = _api.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/dashboard/secrets.json")]
    [InlineData("/dashboard/vendor/jsdom.js")]
    [InlineData("/dashboard/vendor/..%2F..%2Fpackage.json")]
    [InlineData("/dashboard/DashboardEndpoints.cs")]
    public async Task UnknownFiles_Are404(string path)
    {
        using var client = _api.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Page_HoldsNoRunData_AndTheApiStillNeedsTheKey()
    {
        var owner = await _api.ClientAsync();
        var id = (await owner.CreateAsync("# Secret project\nAn internal tool for 30 staff.")).GetProperty("id").GetString()!;
        using var anonymous = _api.CreateClient();

        var page = await anonymous.GetStringAsync("/dashboard", TestContext.Current.CancellationToken);
        using var runs = await anonymous.GetAsync("/v1/runs", TestContext.Current.CancellationToken);

        Assert.DoesNotContain(id, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret project", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, runs.StatusCode);
    }

    [Fact]
    public async Task Events_CarryTheTimeTheyHappened_ForTheTimeline()
    {
        var client = await _api.ClientAsync();
        var id = (await client.CreateAsync("# Notes\nAn internal notes tool for 300 staff.")).GetProperty("id").GetString()!;
        await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");

        var events = await client.ReadEventsAsync(id);

        var started = events.Where(e => e.Type == "node_started").Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        var completed = events.Where(e => e.Type == "node_completed").Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        Assert.NotEmpty(started);
        Assert.All(events, e => JsonDocument.Parse(e.Data).RootElement.GetProperty("at").GetDateTimeOffset());
        var designerStart = started.Single(e => e.GetProperty("node").GetString() == "designer").GetProperty("at").GetDateTimeOffset();
        var designerEnd = completed.Single(e => e.GetProperty("node").GetString() == "designer").GetProperty("at").GetDateTimeOffset();
        Assert.True(designerEnd >= designerStart);
        Assert.Equal("designer", started.Single(e => e.GetProperty("node").GetString() == "designer").GetProperty("agent").GetString());
    }
}
