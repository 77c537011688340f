using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using StandardWebhooks;

namespace ArchitectAgents.Api.Tests.Webhooks;

/// <summary>Signed outbound callbacks: retries against a receiver that is down, dead letters and replay.</summary>
public sealed class CallbackTests
{
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("callback-signing-secret-for-test"));

    private static ApiFactory Api(string schedule) => new(new()
    {
        ["Webhooks:Callbacks:Secret"] = Secret,
        ["Webhooks:Callbacks:AllowedHosts:0"] = "127.0.0.1",
        ["Webhooks:Callbacks:RetrySchedule"] = schedule,
        ["Webhooks:Callbacks:PollIntervalMs"] = "50",
        ["Webhooks:PublicBaseUrl"] = "https://architect.example.test",
    });

    private static async Task<string> CreateAsync(HttpClient client, string brief, bool interactive, string callbackUrl)
    {
        using var response = await client.PostAsJsonAsync("/v1/runs", new { brief, options = new { interactive }, callbackUrl }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> DeliveriesAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<JsonElement>("/v1/deliveries" + query, TestContext.Current.CancellationToken)).GetProperty("items");

    private static async Task<JsonElement> WaitForDeliveriesAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var items = await DeliveriesAsync(client);
            if (done(items))
            {
                return items;
            }

            Assert.True(DateTime.UtcNow < deadline, "deliveries did not reach the expected state: " + items);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static void AssertSignedByStandardWebhooks(RecordedRequest request)
    {
        // The StandardWebhooks package (not our signer) verifies signature and timestamp; it throws when either is wrong.
        var headers = new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value)));
        new StandardWebhook(Secret).Verify(request.Body, headers);
    }

    [Fact]
    public async Task ReceiverDownThenUp_EachEventArrivesOnce_SignedWithItsEventId()
    {
        await using var receiver = await StubServer.StartAsync();
        receiver.Status = StatusCodes.Status204NoContent;
        var port = receiver.Port;
        await receiver.StopAsync();
        await using var api = Api(string.Join(", ", Enumerable.Repeat("300ms", 60)));
        var client = await api.ClientAsync();

        var runId = await CreateAsync(client, "# Gym app\nMembers book classes and get reminders.", interactive: true, $"http://127.0.0.1:{port}/hooks/architect");
        await client.WaitForAsync(runId, "awaiting_input");
        var failing = await WaitForDeliveriesAsync(client, items => items.GetArrayLength() == 1 && items[0].GetProperty("attempts").GetInt32() >= 2);
        Assert.Equal("pending", failing[0].GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(failing[0].GetProperty("lastError").GetString()));
        Assert.Empty(receiver.Requests);

        await receiver.StartAsync(port);
        var asked = (await receiver.WaitForAsync(1))[0];
        using var answered = await client.PostAsJsonAsync($"/v1/runs/{runId}/answers", new { answers = new Dictionary<string, string> { ["q-scale"] = "About 4,000 members" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
        await client.WaitForAsync(runId, "completed", "completed_with_issues");
        var items = await WaitForDeliveriesAsync(client, items => items.GetArrayLength() == 2 && items.EnumerateArray().All(d => d.GetProperty("status").GetString() == "delivered"));

        var received = receiver.Requests.ToList();
        Assert.Equal(2, received.Count);
        Assert.Equal(2, received.Select(r => r.Headers["webhook-id"]).Distinct().Count());
        Assert.Equal("/hooks/architect", asked.Path);
        Assert.Equal(["run.awaiting_input", "run.completed"], received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()));
        Assert.All(received, AssertSignedByStandardWebhooks);
        var byId = items.EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!);
        var first = byId[asked.Headers["webhook-id"]];
        Assert.Equal("run.awaiting_input", first.GetProperty("eventType").GetString());
        Assert.True(first.GetProperty("attempts").GetInt32() >= 3);
        var data = JsonDocument.Parse(asked.Body).RootElement.GetProperty("data");
        Assert.Equal(runId, data.GetProperty("runId").GetString());
        Assert.Contains("q-scale", data.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()));
        var completed = JsonDocument.Parse(received[1].Body).RootElement.GetProperty("data");
        Assert.Equal($"https://architect.example.test/v1/runs/{runId}/deliverables.zip", completed.GetProperty("links").GetProperty("deliverables").GetString());
    }

    [Fact]
    public async Task FailingReceiver_ParksTheDeliveryAsDead_OwnerCanListAndReplayIt()
    {
        await using var receiver = await StubServer.StartAsync();
        receiver.Status = StatusCodes.Status500InternalServerError;
        await using var api = Api("50ms, 50ms");
        var client = await api.ClientAsync("owner");
        var stranger = await api.ClientAsync("stranger");

        var runId = await CreateAsync(client, "# Notes\nAn internal notes tool for 300 staff. Team of 3 engineers (C#).", interactive: false, receiver.Url + "/hook");
        await client.WaitForAsync(runId, "completed", "completed_with_issues");
        var dead = await WaitForDeliveriesAsync(client, items => items.GetArrayLength() == 1 && items[0].GetProperty("status").GetString() == "dead");
        var id = dead[0].GetProperty("id").GetString()!;
        Assert.Equal(3, dead[0].GetProperty("attempts").GetInt32());
        Assert.Equal(500, dead[0].GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(1, (await DeliveriesAsync(client, "?status=dead")).GetArrayLength());
        Assert.Equal(0, (await DeliveriesAsync(client, "?status=pending")).GetArrayLength());
        Assert.Equal(0, (await DeliveriesAsync(stranger)).GetArrayLength());
        using var strangerReplay = await stranger.PostAsync($"/v1/deliveries/{id}/replay", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, strangerReplay.StatusCode);
        using var badFilter = await client.GetAsync("/v1/deliveries?status=lost", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);

        receiver.Status = StatusCodes.Status200OK;
        using var replay = await client.PostAsync($"/v1/deliveries/{id}/replay", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await WaitForDeliveriesAsync(client, items => items[0].GetProperty("status").GetString() == "delivered");

        Assert.Equal(4, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal(id, r.Headers["webhook-id"]));
        Assert.All(receiver.Requests, AssertSignedByStandardWebhooks);
    }
}
