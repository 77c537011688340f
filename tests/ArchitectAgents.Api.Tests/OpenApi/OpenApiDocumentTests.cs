using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArchitectAgents.Api.Runs;

namespace ArchitectAgents.Api.Tests.OpenApi;

/// <summary>What the served /openapi/v1.json says about bodies, problems and security, and that it says it truthfully.</summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private static readonly string[] BodyOperations = ["createRun", "answerRunQuestions", "resumeRun"];

    private readonly ApiFactory _api = new();
    private JsonElement _doc;

    public async ValueTask InitializeAsync()
    {
        using var client = _api.CreateClient();
        _doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData("createRun", "CreateRunBody", true, new[] { "400", "401", "409", "413", "415", "429", "503" })]
    [InlineData("answerRunQuestions", "AnswersBody", true, new[] { "400", "401", "404", "409", "413", "415", "429", "503" })]
    [InlineData("resumeRun", "ResumeBody", false, new[] { "400", "401", "404", "409", "413", "415", "429", "503" })]
    public void BodyOperations_DescribeTheirBody_WithAnExample_AndTheirProblems(string operationId, string schema, bool required, string[] problems)
    {
        var operation = Operation(operationId);

        var body = operation.GetProperty("requestBody");
        Assert.Equal(required, body.TryGetProperty("required", out var r) && r.GetBoolean());
        var json = body.GetProperty("content").GetProperty("application/json");
        Assert.Equal($"#/components/schemas/{schema}", json.GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("example").ValueKind);
        Assert.False(_doc.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("additionalProperties").GetBoolean());
        var responses = operation.GetProperty("responses");
        foreach (var status in problems)
        {
            Assert.True(responses.TryGetProperty(status, out var response), $"{operationId} has no {status}");
            Assert.Equal("#/components/schemas/ProblemDetails",
                response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        }
    }

    [Fact]
    public void SecuredOperations_RequireTheApiKey_PublicOnesSayTheyAreOpen()
    {
        var scheme = _doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        // JWT is off unless configured, and then a bearer token would be refused, so the document does not offer it.
        Assert.False(_doc.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));

        foreach (var (path, operation) in Operations())
        {
            var security = operation.GetProperty("security");
            var open = path.StartsWith("/health/", StringComparison.Ordinal) || path.StartsWith("/v1/webhooks/", StringComparison.Ordinal);
            Assert.True(open ? security.GetArrayLength() == 0 : security[0].TryGetProperty("ApiKey", out _), $"{path}: {security}");
            // Webhooks answer 401 too, for a bad signature; probes never do.
            Assert.Equal(!path.StartsWith("/health/", StringComparison.Ordinal), operation.GetProperty("responses").TryGetProperty("401", out _));
        }
    }

    [Fact]
    public async Task WithJwtConfigured_TheBearerSchemeIsOfferedBesideTheApiKey()
    {
        await using var api = new ApiFactory(new() { ["Auth:Jwt:SigningKey"] = new string('k', 40) });
        using var client = api.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;

        var bearer = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        var security = doc.GetProperty("paths").GetProperty("/v1/runs").GetProperty("post").GetProperty("security");
        Assert.Equal(["ApiKey", "Bearer"], security.EnumerateArray().Select(s => s.EnumerateObject().Single().Name));
    }

    [Fact]
    public void SchemaNames_AreReadable()
    {
        var names = _doc.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();

        Assert.DoesNotContain(names, n => n.Contains("Anonymous", StringComparison.Ordinal) || n.Contains("Of", StringComparison.Ordinal) && n.Contains("And", StringComparison.Ordinal));
        Assert.Contains("RunResponse", names);
        Assert.Contains("WorkflowResponse", names);
    }

    [Fact]
    public void DocumentedBodies_ListExactlyTheFieldsTheParsersAccept()
    {
        Assert.Equal(Sorted(CreateRunRequest.TopLevelFields), Properties("CreateRunBody"));
        Assert.Equal(Sorted(CreateRunRequest.OptionFields), Properties("CreateRunOptionsBody"));
        Assert.Equal(Sorted(CreateRunRequest.BudgetFields), Properties("RunBudgetBody"));
        Assert.Equal(Sorted(RunEndpoints.AnswerFields), Properties("AnswersBody"));
        Assert.Equal(Sorted(RunEndpoints.ResumeFields), Properties("ResumeBody"));
    }

    [Fact]
    public async Task DocumentedExamples_AreAcceptedByTheEndpoints()
    {
        using var client = await _api.ClientAsync();
        var create = Operation("createRun").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");

        using var created = await client.PostAsync("/v1/runs", Json(create), TestContext.Current.CancellationToken);
        Assert.True(created.StatusCode == HttpStatusCode.Accepted, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString();

        // The run is neither failed nor waiting for these questions, so a body that parses is refused with 409, not 400.
        foreach (var (operationId, path) in new[] { ("resumeRun", $"/v1/runs/{id}/resume"), ("answerRunQuestions", $"/v1/runs/{id}/answers") })
        {
            var example = Operation(operationId).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
            using var response = await client.PostAsync(path, Json(example), TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Accepted || (response.StatusCode == HttpStatusCode.BadRequest && text.Contains("answers.q-", StringComparison.Ordinal)), $"{operationId}: {text}");
        }
    }

    [Fact]
    public async Task ReferencePage_IsRenderedOnTheServer_WithTheRequestExamples()
    {
        using var client = _api.CreateClient();

        var page = await client.GetStringAsync("/docs", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Loading", page, StringComparison.Ordinal);
        Assert.Contains("id=\"createRun\"", page, StringComparison.Ordinal);
        Assert.Contains("Idempotency-Key", page, StringComparison.Ordinal);
        Assert.Contains("current-architecture.md", page, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", page, StringComparison.Ordinal);
    }

    private IEnumerable<(string Path, JsonElement Operation)> Operations() =>
        _doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Value)));

    private JsonElement Operation(string operationId) =>
        Operations().Single(o => o.Operation.GetProperty("operationId").GetString() == operationId).Operation;

    private List<string> Properties(string schema) =>
        [.. _doc.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static List<string> Sorted(IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];

    private static StringContent Json(JsonElement body) => new(body.GetRawText(), Encoding.UTF8, "application/json");
}
