using System.Collections.Concurrent;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Tools;
using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Models;
using ArchitectAgents.StubModel;
using ArchitectAgents.Tests.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ArchitectAgents.Core.Tests.Models;

/// <summary>The real catalog and workflow on model-backed agents that talk HTTP to a local stub model server.</summary>
internal sealed class ModelHarness : IAsyncDisposable
{
    public const string ApiKey = "sk-test-7f3a9c2e-SECRET";

    private ModelHarness(StubModelServer stub, ModelCatalog models, IReadOnlyList<IAgentToolSource> tools)
    {
        Stub = stub;
        Models = models;
        Loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(Logs)));
        Catalog = AgentCatalog.LoadDirectory(RepoPaths.Agents);
        Workflow = WorkflowLoader.LoadFile(RepoPaths.DefaultWorkflow, Catalog);
        Provider = new ModelAgentProvider(models, new OfflineAgentProvider(), new ChatClientFactory(models, Loggers), tools);
    }

    public StubModelServer Stub { get; }

    public ModelCatalog Models { get; }

    public AgentCatalog Catalog { get; }

    public WorkflowDefinition Workflow { get; }

    public ModelAgentProvider Provider { get; }

    public RecordingObserver Observer { get; } = new();

    public ConcurrentQueue<string> Logs { get; } = new();

    public ILoggerFactory Loggers { get; }

    /// <summary>Starts a stub and a catalog with entries <c>stub</c> (OpenAI-compatible) and <c>azure</c> (Azure OpenAI) pointing at it.</summary>
    public static async Task<ModelHarness> StartAsync(Dictionary<string, string?>? settings = null, IReadOnlyList<IAgentToolSource>? tools = null)
    {
        var stub = await StubModelServer.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["Models:stub:Provider"] = "OpenAICompatible",
            ["Models:stub:Endpoint"] = stub.OpenAIEndpoint,
            ["Models:stub:Model"] = "stub-model",
            ["Models:stub:ApiKey"] = ApiKey,
            ["Models:stub:InputPricePerMillion"] = "2.5",
            ["Models:stub:OutputPricePerMillion"] = "10",
            ["Models:stub:MaxRetries"] = "3",
            ["Models:stub:RetryBaseDelayMs"] = "20",
            ["Models:stub:TimeoutSeconds"] = "20",
            ["Models:azure:Provider"] = "AzureOpenAI",
            ["Models:azure:Endpoint"] = stub.BaseUrl + "/",
            ["Models:azure:Deployment"] = "design-gpt",
            ["Models:azure:ApiKey"] = ApiKey,
            ["Models:azure:MaxRetries"] = "1",
            ["Models:azure:RetryBaseDelayMs"] = "20",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ModelHarness(stub, ModelCatalog.Load(configuration, _ => null), tools ?? []);
    }

    public Task<DesignRunResult> RunAsync(string brief, string model = "stub", RunBudget? budget = null) =>
        new DesignRunner(new WorkflowFactory(Catalog, Provider, SharedValidators.All))
            .RunAsync(Workflow, new DesignRunInput { RunId = "model-run", BriefText = brief }, Observer,
                new RunModelOptions { Models = new Dictionary<string, string> { ["*"] = model }, Budget = budget },
                TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Stub.DisposeAsync();
        Loggers.Dispose();
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(sink, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<string> sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
