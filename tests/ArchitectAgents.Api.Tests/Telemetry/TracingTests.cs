using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ArchitectAgents.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ArchitectAgents.Api.Tests.Telemetry;

[Collection(ArchitectAgents.Api.Tests.Telemetry.WholeRunTests.Name)]
public sealed class TracingTests : IAsyncLifetime
{
    // The listener is process-wide, so spans of other tests' hosts land here too: everything is filtered by trace id.
    private readonly List<Activity> _spans = [];
    private readonly ApiFactory _api;
    private HttpClient _client = null!;

    public TracingTests()
    {
        _api = new ApiFactory { TestServices = s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans)) };
    }

    public async ValueTask InitializeAsync() => _client = await _api.ClientAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Run_YieldsOneRootRunSpan_WithWorkflowExecutorAndAgentSpansBeneath_AndUsageMatchingTheDocument()
    {
        var created = await _client.CreateAsync("# Notes\nAn internal notes tool for 300 staff. Team of 3 engineers (C#).");
        var id = created.GetProperty("id").GetString()!;
        var run = await _client.WaitForAsync(id, "completed", "completed_with_issues", "failed");
        Assert.Equal("completed", run.GetProperty("status").GetString());
        _api.Services.GetRequiredService<TracerProvider>().ForceFlush();

        // The trace id shown on the run is the trace of its root span.
        var traceId = run.GetProperty("traceId").GetString();
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        List<Activity> trace;
        lock (_spans)
        {
            trace = [.. _spans.Where(s => s.TraceId.ToHexString() == traceId)];
        }

        var root = Assert.Single(trace, s => s.ParentSpanId == default);
        Assert.Equal("run", root.DisplayName);
        Assert.Equal(ArchitectTelemetry.SourceName, root.Source.Name);
        Assert.Equal(id, root.GetTagItem(ArchitectTelemetry.Tags.RunId));
        Assert.Equal("architect-design", root.GetTagItem(ArchitectTelemetry.Tags.Workflow));
        Assert.Equal("api", root.GetTagItem(ArchitectTelemetry.Tags.Source));
        Assert.Equal("completed", root.GetTagItem(ArchitectTelemetry.Tags.Status));

        // run → MAF workflow → executor.process → invoke_agent
        var byId = trace.ToDictionary(s => s.SpanId);
        Assert.Contains(trace, s => s.Source.Name == ArchitectTelemetry.WorkflowSourceName && s.DisplayName.StartsWith("invoke_workflow", StringComparison.Ordinal));
        var agentSpans = trace.Where(s => s.Source.Name == ArchitectTelemetry.AgentSourceName && Equals(s.GetTagItem("gen_ai.operation.name"), "invoke_agent")).ToList();
        Assert.NotEmpty(agentSpans);
        foreach (var agent in agentSpans)
        {
            var ancestors = Ancestors(agent, byId).ToList();
            Assert.Equal(root.SpanId, ancestors[^1].SpanId);
            var executor = ancestors.First(a => a.Source.Name == ArchitectTelemetry.WorkflowSourceName);
            Assert.StartsWith("executor.process", executor.DisplayName, StringComparison.Ordinal);
            Assert.Contains(Assert.IsType<string>(agent.GetTagItem("gen_ai.agent.name")), executor.DisplayName, StringComparison.Ordinal);
            Assert.NotNull(agent.GetTagItem("gen_ai.agent.id"));
            // Message content is off by default.
            Assert.Null(agent.GetTagItem("gen_ai.input.messages"));
            Assert.Null(agent.GetTagItem("gen_ai.output.messages"));
        }

        // One invoke_agent span per agent call recorded in the run's usage, with the same token counts.
        var document = await _client.GetFromJsonAsync<JsonElement>($"/v1/runs/{id}/document", TestContext.Current.CancellationToken);
        var usage = document.GetProperty("usage");
        foreach (var entry in usage.GetProperty("entries").EnumerateArray())
        {
            var agentId = entry.GetProperty("agent").GetString();
            var spans = agentSpans.Where(s => Equals(s.GetTagItem("gen_ai.agent.name"), agentId)).ToList();
            Assert.Equal(entry.GetProperty("calls").GetInt32(), spans.Count);
            Assert.Equal(entry.GetProperty("inputTokens").GetInt64(), spans.Sum(s => Tokens(s, "gen_ai.usage.input_tokens")));
            Assert.Equal(entry.GetProperty("outputTokens").GetInt64(), spans.Sum(s => Tokens(s, "gen_ai.usage.output_tokens")));
        }

        Assert.Equal(usage.GetProperty("entries").EnumerateArray().Sum(e => e.GetProperty("calls").GetInt32()), agentSpans.Count);
    }

    [Fact]
    public async Task EnableSensitiveData_RecordsMessageContentOnAgentSpans()
    {
        List<Activity> spans = [];
        await using var api = new ApiFactory(new() { ["Telemetry:EnableSensitiveData"] = "true" })
        {
            TestServices = s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)),
        };
        var client = await api.ClientAsync();

        var id = (await client.CreateAsync("# Notes\nAn internal notes tool for 300 staff.")).GetProperty("id").GetString()!;
        var run = await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");
        api.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var traceId = run.GetProperty("traceId").GetString();
        Activity designer;
        lock (spans)
        {
            designer = spans.First(s => s.TraceId.ToHexString() == traceId && Equals(s.GetTagItem("gen_ai.agent.name"), "designer"));
        }

        Assert.Contains(id, Assert.IsType<string>(designer.GetTagItem("gen_ai.input.messages")), StringComparison.Ordinal);
        Assert.NotNull(designer.GetTagItem("gen_ai.output.messages"));
    }

    [Fact]
    public async Task ModelBackedRun_HasChatSpansUnderEachAgentSpan_WithTheModelAndTheTokensTheProviderCounted()
    {
        List<Activity> spans = [];
        await using var stub = await ArchitectAgents.StubModel.StubModelServer.StartAsync();
        await using var api = new ApiFactory(new()
        {
            ["Models:stub:Provider"] = "OpenAICompatible",
            ["Models:stub:Endpoint"] = stub.OpenAIEndpoint,
            ["Models:stub:Model"] = "stub-model",
            ["Models:stub:ApiKey"] = "sk-test",
        })
        {
            TestServices = s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)),
        };
        var client = await api.ClientAsync();

        var id = (await client.CreateAsync("# Notes\nAn internal notes tool for 300 staff. Team of 3 engineers (C#).", new { models = new Dictionary<string, string> { ["*"] = "stub" } })).GetProperty("id").GetString()!;
        var run = await client.WaitForAsync(id, "completed", "completed_with_issues", "failed");
        Assert.NotEqual("failed", run.GetProperty("status").GetString());
        api.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var traceId = run.GetProperty("traceId").GetString();
        List<Activity> trace;
        lock (spans)
        {
            trace = [.. spans.Where(s => s.TraceId.ToHexString() == traceId)];
        }

        // run → executor → invoke_agent → chat {model}, one chat span per model call the stub answered.
        var byId = trace.ToDictionary(s => s.SpanId);
        var chats = trace.Where(s => s.Source.Name == ArchitectTelemetry.ChatSourceName && Equals(s.GetTagItem("gen_ai.operation.name"), "chat")).ToList();
        var answered = stub.Calls.Where(c => c.Status == 200).ToList();
        Assert.Equal(answered.Count, chats.Count);
        foreach (var chat in chats)
        {
            Assert.Equal("stub-model", chat.GetTagItem("gen_ai.request.model"));
            var agent = Ancestors(chat, byId).First(a => a.Source.Name == ArchitectTelemetry.AgentSourceName);
            Assert.Equal("invoke_agent", agent.GetTagItem("gen_ai.operation.name"));
            Assert.Contains(Ancestors(chat, byId), a => a.ParentSpanId == default && a.DisplayName == "run");
        }

        Assert.Equal(answered.Sum(c => c.InputTokens), chats.Sum(c => Tokens(c, "gen_ai.usage.input_tokens")));
        Assert.Equal(answered.Sum(c => c.OutputTokens), chats.Sum(c => Tokens(c, "gen_ai.usage.output_tokens")));
        Assert.Equal(run.GetProperty("usage").GetProperty("inputTokens").GetInt64(), chats.Sum(c => Tokens(c, "gen_ai.usage.input_tokens")));
    }

    private static IEnumerable<Activity> Ancestors(Activity span, Dictionary<ActivitySpanId, Activity> byId)
    {
        var current = span;
        while (current.ParentSpanId != default && byId.TryGetValue(current.ParentSpanId, out var parent))
        {
            yield return parent;
            current = parent;
        }
    }

    private static long Tokens(Activity span, string tag) => span.GetTagItem(tag) switch
    {
        null => 0,
        var value => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
