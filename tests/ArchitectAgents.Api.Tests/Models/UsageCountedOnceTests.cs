using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ArchitectAgents.StubModel;

namespace ArchitectAgents.Api.Tests.Models;

/// <summary>
/// Issue #18: a run that fails and is resumed executes more than once; its tokens must reach /metrics once (each execution
/// used to add the run's whole usage again), and the failure must leave a log line naming the run, the node and the error.
/// </summary>
// Meter listeners are process-wide: a run of another host beside this one would add its tokens to these counters.
[Collection(ArchitectAgents.Api.Tests.Telemetry.WholeRunTests.Name)]
public sealed class UsageCountedOnceTests
{
    [Fact]
    public async Task FailedThenResumedRun_CountsEachSpentTokenOnceInMetrics_AndLogsTheFailureWithRunAndNode()
    {
        await using var stub = await StubModelServer.StartAsync();
        await using var api = new ApiFactory(new()
        {
            ["Models:stub:Provider"] = "OpenAICompatible",
            ["Models:stub:Endpoint"] = stub.OpenAIEndpoint,
            ["Models:stub:Model"] = "stub-model",
            ["Models:stub:ApiKey"] = "sk-test",
            ["Models:stub:MaxRetries"] = "2",
            ["Models:stub:RetryBaseDelayMs"] = "20",
        });
        var client = await api.ClientAsync();
        stub.Script("designer", StubReply.Error(503), StubReply.Error(503), StubReply.Error(503));
        var id = (await client.CreateAsync("Telehealth scheduling API for 5k bookings a day, team of 4 engineers, HIPAA, US only.",
            new { models = new Dictionary<string, string> { ["*"] = "stub" } })).GetProperty("id").GetString()!;
        Assert.Equal("failed", (await client.WaitForAsync(id, "failed", "completed", "completed_with_issues")).GetProperty("status").GetString());

        using (var resume = await client.PostAsync($"/v1/runs/{id}/resume", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        }

        var done = await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");
        Assert.NotEqual("failed", done.GetProperty("status").GetString());

        using var metrics = await api.CreateClient().GetAsync("/metrics", TestContext.Current.CancellationToken);
        var text = await metrics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var counted = Regex.Matches(text, @"(?m)^architect_agent_tokens_total\{[^}]*type=""input""[^}]*\} (\d+)")
            .Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        var spent = stub.Calls.Where(c => c.Status == 200).Sum(c => c.InputTokens);
        Assert.True(spent > 0);
        Assert.Equal(spent, counted);
        Assert.Equal(spent, done.GetProperty("usage").GetProperty("inputTokens").GetInt64());

        var log = await File.ReadAllTextAsync(api.LogFile, TestContext.Current.CancellationToken);
        Assert.Matches($@"Run {id} failed at node designer \(model_unavailable\): .+", log);
    }
}
