using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ArchitectAgents.Api.Tests.Telemetry;

[Collection(ArchitectAgents.Api.Tests.Telemetry.WholeRunTests.Name)]
public sealed class ExportTests
{
    [Fact]
    public async Task OtlpEndpointConfigured_RunSpansArriveAtTheCollector_AsHttpProtobuf()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var api = new ApiFactory(new()
        {
            ["Telemetry:Otlp:Endpoint"] = collector.BaseAddress,
            ["Telemetry:Otlp:Protocol"] = "http/protobuf",
            ["Telemetry:Otlp:Headers"] = "x-tenant=architects",
        });
        var client = await api.ClientAsync();

        var id = (await client.CreateAsync("# Notes\nAn internal notes tool for 300 staff. Team of 3 engineers (C#).")).GetProperty("id").GetString()!;
        var run = await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");
        var flushed = api.Services.GetRequiredService<TracerProvider>().ForceFlush();
        Assert.True(flushed, $"export to {collector.BaseAddress} failed after {collector.Requests} request(s)");

        var traceId = run.GetProperty("traceId").GetString();
        Assert.True(collector.Requests > 0);
        var trace = collector.Spans.Where(s => s.TraceId == traceId).Select(s => s.Name).ToList();
        Assert.Contains("run", trace);
        Assert.Contains(trace, n => n.StartsWith("invoke_agent designer", StringComparison.Ordinal));
        Assert.Contains(trace, n => n.StartsWith("executor.process", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Telemetry:Otlp:Protocol", "http/json", "Telemetry:Otlp:Protocol")]
    [InlineData("Telemetry:Otlp:Endpoint", "collector:4317", "Telemetry:Otlp:Endpoint")]
    public async Task BadOtlpSettings_StopTheStart_NamingTheSetting(string key, string value, string named)
    {
        await using var api = new ApiFactory(new() { ["Telemetry:Otlp:Endpoint"] = "http://127.0.0.1:4318", [key] = value });

        var error = await Record.ExceptionAsync(() => api.ClientAsync());

        Assert.Contains(named, error?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoEndpointConfigured_NothingIsExported_ButTheRunIsStillTraced()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var api = new ApiFactory();
        var client = await api.ClientAsync();

        var id = (await client.CreateAsync("# Notes\nAn internal notes tool for 300 staff.")).GetProperty("id").GetString()!;
        var run = await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");
        api.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.Matches("^[0-9a-f]{32}$", run.GetProperty("traceId").GetString());
        Assert.Equal(0, collector.Requests);
    }

    [Fact]
    public async Task Metrics_AfterARun_ExposeRunAgentAndQueueMetrics_WithoutCredentials()
    {
        await using var api = new ApiFactory();
        var client = await api.ClientAsync();
        var id = (await client.CreateAsync("# Notes\nAn internal notes tool for 300 staff. Team of 3 engineers (C#).")).GetProperty("id").GetString()!;
        await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");

        using var anonymous = api.CreateClient();
        using var response = await anonymous.GetAsync("/metrics", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("architect_runs_started_total{", text, StringComparison.Ordinal);
        Assert.Matches(@"architect_runs_completed_total\{[^}]*status=""completed""[^}]*workflow=""architect-design""[^}]*\} [1-9]", text);
        Assert.Matches(@"architect_run_duration_seconds_count\{[^}]*workflow=""architect-design""", text);
        Assert.Matches(@"architect_agent_duration_seconds_count\{[^}]*agent=""designer""", text);
        Assert.Matches(@"architect_agent_tokens_total\{[^}]*agent=""designer""[^}]*model=""default""[^}]*type=""input""", text);
        Assert.Matches(@"architect_gate_rounds_count\{[^}]*verdict=""pass""", text);
        Assert.Matches(@"(?m)^architect_runs_queued(\{[^}]*\})? 0", text);
    }

    [Fact]
    public async Task Metrics_WithAuthenticationRequired_RefuseAnonymousScrapes()
    {
        await using var api = new ApiFactory(new() { ["Telemetry:Prometheus:RequireAuthentication"] = "true" });
        var client = await api.ClientAsync();

        using var anonymous = api.CreateClient();
        using var refused = await anonymous.GetAsync("/metrics", TestContext.Current.CancellationToken);
        using var allowed = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
