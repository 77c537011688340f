using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Models;
using ArchitectAgents.StubModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchitectAgents.Bench.Models;

/// <summary>The real catalog, workflow and validators, with every agent on the local stub model server over HTTP.</summary>
public sealed class StubRig : IAsyncDisposable
{
    private readonly ValidatorSet _validators;

    private StubRig(string root, StubModelServer stub)
    {
        Root = root;
        Stub = stub;
        Catalog = AgentCatalog.LoadDirectory(Path.Combine(root, "agents"));
        Workflow = WorkflowLoader.LoadFile(Path.Combine(root, "workflows", "architect-design.yaml"), Catalog);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Models:stub:Provider"] = "OpenAICompatible",
            ["Models:stub:Endpoint"] = stub.OpenAIEndpoint,
            ["Models:stub:Model"] = "stub-model",
            ["Models:stub:ApiKey"] = "sk-bench",
            ["Models:stub:TimeoutSeconds"] = "120",
        }).Build();
        var models = ModelCatalog.Load(configuration, _ => null);
        Provider = new ModelAgentProvider(models, new OfflineAgentProvider(), new ChatClientFactory(models, NullLoggerFactory.Instance), []);
        _validators = new ValidatorSet(new ValidatorOptions { NodeToolsPath = Path.Combine(root, "tools", "validators") });
    }

    public string Root { get; }

    public StubModelServer Stub { get; }

    public AgentCatalog Catalog { get; }

    public WorkflowDefinition Workflow { get; }

    public ModelAgentProvider Provider { get; }

    public IReadOnlyList<IArtifactValidator> Validators => _validators.Validators;

    public static async Task<StubRig> StartAsync(string root, TimeSpan latency) => new(root, await StubModelServer.StartAsync(latency));

    /// <summary>One design run with every agent on the stub, through <paramref name="provider"/> (default: the real one).</summary>
    public Task<DesignRunResult> RunAsync(string brief, WorkflowDefinition? workflow = null, IAgentProvider? provider = null, IDesignRunObserver? observer = null) =>
        new DesignRunner(new WorkflowFactory(Catalog, provider ?? Provider, Validators))
            .RunAsync(workflow ?? Workflow, new DesignRunInput { RunId = "bench-" + Guid.NewGuid().ToString("N"), BriefText = brief }, observer,
                new RunModelOptions { Models = new Dictionary<string, string> { ["*"] = "stub" } });

    public async ValueTask DisposeAsync()
    {
        await Stub.DisposeAsync();
        await _validators.DisposeAsync();
    }
}
