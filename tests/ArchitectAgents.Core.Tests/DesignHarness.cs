using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Tests.Common;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Tests;

/// <summary>Runs the repository's real catalog and workflow through MAF, with optional agent replacements.</summary>
internal sealed class DesignHarness
{
    public DesignHarness(OfflineAgentProvider? provider = null, string? workflowYaml = null)
    {
        Catalog = AgentCatalog.LoadDirectory(RepoPaths.Agents);
        Workflow = workflowYaml is null
            ? WorkflowLoader.LoadFile(RepoPaths.DefaultWorkflow, Catalog)
            : WorkflowLoader.Parse(workflowYaml, "workflows/test.yaml", Catalog);
        Provider = provider ?? new OfflineAgentProvider();
    }

    public AgentCatalog Catalog { get; }

    public WorkflowDefinition Workflow { get; }

    public OfflineAgentProvider Provider { get; }

    public RecordingObserver Observer { get; } = new();

    public Task<DesignRunResult> RunAsync(string brief, bool interactive = false) =>
        new DesignRunner(new WorkflowFactory(Catalog, Provider, SharedValidators.All))
            .RunAsync(Workflow, new DesignRunInput { RunId = "test-run", BriefText = brief, Interactive = interactive }, Observer, cancellationToken: TestContext.Current.CancellationToken);

    public async Task<DesignDocument> DesignAsync(string brief)
    {
        var result = await RunAsync(brief);
        Assert.True(result.Document is not null, $"run failed: {result.Error}");
        return result.Document!;
    }
}

/// <summary>Records events and answers questions from a script.</summary>
internal sealed class RecordingObserver : IDesignRunObserver
{
    public List<WorkflowEvent> Events { get; } = [];

    public List<IReadOnlyList<ClarifyingQuestion>> Asked { get; } = [];

    public Func<ClarifyingQuestion, string?> Answer { get; set; } = _ => null;

    public IEnumerable<NodeStartedEvent> Started(string node) => Events.OfType<NodeStartedEvent>().Where(e => e.Node == node);

    public void OnEvent(WorkflowEvent workflowEvent) => Events.Add(workflowEvent);

    public Task<IReadOnlyDictionary<string, string>> AskAsync(IReadOnlyList<ClarifyingQuestion> questions, CancellationToken cancellationToken)
    {
        Asked.Add(questions);
        var answers = new Dictionary<string, string>();
        foreach (var q in questions)
        {
            if (Answer(q) is { } a)
            {
                answers[q.Id] = a;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(answers);
    }
}

/// <summary>An offline agent whose output is scripted by the test.</summary>
internal sealed class ScriptedAgent(string agentId, Func<AgentInput, AgentOutput> produce) : OfflineAgent
{
    public override string AgentId => agentId;

    public List<AgentInput> Inputs { get; } = [];

    protected override AgentOutput Produce(AgentInput input)
    {
        Inputs.Add(input);
        return produce(input);
    }
}
