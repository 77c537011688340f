using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ArchitectAgents.Api.Tests;

/// <summary>Bad input gets a 4xx ProblemDetails naming the field, and nothing is stored.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new();
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await _api.ClientAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    public static TheoryData<string, string, int, string> Bodies() => new()
    {
        { "{not json", "application/json", 400, "body" },
        { "[1,2]", "application/json", 400, "body" },
        { "{}", "application/json", 400, "brief" },
        { "{\"brief\": 42}", "application/json", 400, "brief" },
        { "{\"brief\": \"   \"}", "application/json", 400, "brief" },
        { $"{{\"brief\": \"{new string('x', 300 * 1024)}\"}}", "application/json", 413, "brief" },
        { "{\"brief\": \"ok brief\", \"workflow\": \"nope\"}", "application/json", 400, "workflow" },
        { "{\"brief\": \"ok brief\", \"options\": {\"interactive\": \"yes\"}}", "application/json", 400, "options.interactive" },
        { "{\"brief\": \"ok brief\", \"callbackUrl\": \"ftp://x\"}", "application/json", 400, "callbackUrl" },
        { "{\"brief\": \"ok brief\", \"attachments\": [{\"name\": 1}]}", "application/json", 400, "attachments[0]" },
        { "brief=hello", "application/x-www-form-urlencoded", 415, "Content-Type" },
        { "{\"brief\": \"ok brief\", \"callbackURL\": \"https://example.com/hook\"}", "application/json", 400, "callbackURL" },
        { "{\"brief\": \"ok brief\", \"budget\": {\"maxTokens\": 10}}", "application/json", 400, "budget" },
        { "{\"brief\": \"ok brief\", \"options\": {\"interactiv\": true}}", "application/json", 400, "options.interactiv" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task CreateRun_BadBody_ProblemNamesTheFieldAndNothingIsStored(string body, string contentType, int status, string field)
    {
        using var response = await _client.PostAsync("/v1/runs", new StringContent(body, Encoding.UTF8, contentType), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var page = await _client.GetFromJsonAsync<JsonElement>("/v1/runs", TestContext.Current.CancellationToken);
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/v1/runs?createdAfter=yesterday", "createdAfter")]
    [InlineData("/v1/runs?createdBefore=soon", "createdBefore")]
    [InlineData("/v1/runs?limit=ten", "limit")]
    [InlineData("/v1/runs?limit=500", "limit")]
    [InlineData("/v1/runs?cursor=%%%", "cursor")]
    [InlineData("/v1/runs?status=sleeping", "status")]
    public async Task List_MalformedQuery_ProblemNamesTheParameter(string url, string field)
    {
        using var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task CreateRun_FieldInTheWrongPlace_SaysWhereItGoes()
    {
        using var response = await _client.PostAsync("/v1/runs", new StringContent("{\"brief\": \"ok brief\", \"models\": {\"*\": \"default\"}}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("options.models", problem.GetProperty("errors").GetProperty("models")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthenticated_ProblemHasTheSameShapeAsEveryOther()
    {
        using var anonymous = _api.CreateClient();
        using var response = await anonymous.GetAsync("/v1/runs", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.StartsWith("https://tools.ietf.org/html/rfc9110", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("traceId", out _), problem.ToString());
    }

    [Fact]
    public async Task CreateRun_InvalidUtf8_IsRejected()
    {
        using var content = new ByteArrayContent([.. Encoding.ASCII.GetBytes("{\"brief\":\""), 0xFF, 0xFE, .. Encoding.ASCII.GetBytes(" text\"}")]);
        content.Headers.ContentType = new("application/json");

        using var response = await _client.PostAsync("/v1/runs", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRun_OnAModelWithNoKey_IsRefusedAtCreationWithConfiguration_NothingStored()
    {
        await using var api = new ApiFactory(new()
        {
            ["Models:hosted:Provider"] = "OpenAI",
            ["Models:hosted:Model"] = "gpt-test",
            ["Models:hosted:ApiKeyVariable"] = "ARCHITECT_TEST_UNSET_KEY_VARIABLE",
        });
        var client = await api.ClientAsync();

        using var response = await client.PostAsJsonAsync("/v1/runs", new { brief = "# Notes\nA notes tool.", options = new { models = new Dictionary<string, string> { ["designer"] = "hosted" } } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("configuration", problem.GetProperty("errorCode").GetString());
        var error = problem.GetProperty("errors").GetProperty("options.models.designer")[0].GetString();
        Assert.Contains("'hosted'", error, StringComparison.Ordinal);
        Assert.Contains("ARCHITECT_TEST_UNSET_KEY_VARIABLE", error, StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/v1/runs", TestContext.Current.CancellationToken)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task UnknownRun_Is404Problem()
    {
        using var response = await _client.GetAsync("/v1/runs/run_nope", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnswersToARunThatIsNotWaiting_Is409()
    {
        var id = (await _client.CreateAsync("# X\nTeam of 2, 300 users, internal.")).GetProperty("id").GetString()!;
        await _client.WaitForAsync(id, "completed", "completed_with_issues");

        using var response = await _client.PostAsJsonAsync($"/v1/runs/{id}/answers", new { answers = new { } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var cancel = await _client.PostAsync($"/v1/runs/{id}/cancel", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
    }
}
