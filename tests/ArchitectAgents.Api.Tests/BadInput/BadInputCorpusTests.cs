using System.Net;
using System.Text.Json;
using ArchitectAgents.Api.Tests.Webhooks;
using ArchitectAgents.Runs.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArchitectAgents.Api.Tests.BadInput;

/// <summary>
/// Sends the whole bad-input corpus over real HTTP to the API on Kestrel on a loopback port, on a real SQLite
/// store: no answer is a 5xx, every answer is a 4xx problem naming the field, and nothing is stored.
/// </summary>
public sealed class BadInputCorpusTests : IAsyncLifetime
{
    private const string GitHubSecret = "corpus-github-secret";
    private const string JiraSecret = "corpus-jira-secret";
    private static readonly string GenericSecret = "whsec_" + Convert.ToBase64String("corpus-generic-webhook-secret-32b"u8.ToArray());

    private readonly ApiFactory _api = new(new()
    {
        ["Webhooks:GitHub:Secret"] = GitHubSecret,
        ["Webhooks:Jira:Secret"] = JiraSecret,
        ["Webhooks:Generic:Secret"] = GenericSecret,
        ["Webhooks:Callbacks:Secret"] = "corpus-callback-secret",
        // A hosted model whose key is not set anywhere: runs naming it must be refused at creation.
        ["Models:hosted:Provider"] = "OpenAI",
        ["Models:hosted:Model"] = "gpt-test",
        ["Models:hosted:ApiKeyVariable"] = "ARCHITECT_TEST_UNSET_KEY_VARIABLE",
    });

    private int _port;

    public ValueTask InitializeAsync()
    {
        _api.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _api.StartServer();
        _port = new Uri(_api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task EveryBadInput_Is4xxProblemNamingTheField_NoneIs5xx_NothingIsStored()
    {
        var key = await _api.CreateKeyAsync("corpus");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var finished = (await client.CreateAsync("# Notes\nAn internal notes tool for 300 staff. Team of 3.")).GetProperty("id").GetString()!;
        await client.WaitForAsync(finished, "completed", "completed_with_issues");
        var before = await StoredAsync();
        var corpus = BadInputCorpus.Build(new CorpusTarget(key, finished, GitHubSecret, JiraSecret, GenericSecret));

        var failures = new List<string>();
        var serverErrors = 0;
        foreach (var input in corpus)
        {
            var response = await RawHttp.SendAsync(_port, input.Request, TestContext.Current.CancellationToken);
            serverErrors += response.Status >= 500 ? 1 : 0;
            if (Check(input, response) is { } failure)
            {
                failures.Add($"{input.Name}: {failure} (got {response.Status} {response.ContentType}: {Shorten(response.Body)})");
            }
        }

        var after = await StoredAsync();
        TestContext.Current.SendDiagnosticMessage($"bad-input corpus: {corpus.Count} inputs, {serverErrors} × 5xx, {failures.Count} failing, {corpus.Count(c => c.BareFromKestrel)} answered by Kestrel without a body");
        Assert.True(failures.Count == 0, $"{failures.Count} of {corpus.Count} inputs answered wrongly ({serverErrors} × 5xx):\n" + string.Join("\n", failures));
        Assert.Equal(before, after);
        Assert.True(corpus.Count >= 224, $"the corpus shrank to {corpus.Count} inputs");
    }

    private static string? Check(BadInputCase input, RawResponse response)
    {
        if (response.Status is < 400 or > 499)
        {
            return "not a 4xx";
        }

        if (input.Status is { } status && response.Status != status)
        {
            return $"expected {status}";
        }

        if (input.BareFromKestrel)
        {
            return null;
        }

        if (response.ContentType != "application/problem+json")
        {
            return "no problem body";
        }

        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(response.Body).RootElement;
        }
        catch (JsonException)
        {
            return "problem body is not JSON";
        }

        if (!problem.TryGetProperty("status", out var s) || s.GetInt32() != response.Status)
        {
            return "problem has no matching status";
        }

        return input.Field is { } field && !(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.TryGetProperty(field, out _))
            ? $"problem does not name '{field}'"
            : null;
    }

    /// <summary>Runs and webhook deliveries of every owner: a refused request must leave both as they were.</summary>
    private async Task<(int Runs, int WebhookDeliveries, int Callbacks, int TicketLinks, int Keys)> StoredAsync()
    {
        var factory = _api.Services.GetRequiredService<IDbContextFactory<ArchitectDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return (await db.Runs.CountAsync(TestContext.Current.CancellationToken),
            await db.WebhookDeliveries.CountAsync(TestContext.Current.CancellationToken),
            await db.Deliveries.CountAsync(TestContext.Current.CancellationToken),
            await db.TicketLinks.CountAsync(TestContext.Current.CancellationToken),
            await db.ApiKeys.CountAsync(TestContext.Current.CancellationToken));
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
