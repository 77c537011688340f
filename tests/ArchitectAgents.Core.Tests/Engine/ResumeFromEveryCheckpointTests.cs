using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using Microsoft.Agents.AI.Workflows;

namespace ArchitectAgents.Core.Tests.Engine;

/// <summary>
/// A run resumes from every checkpoint it wrote, as after a crash right after that checkpoint, and the node journal
/// keeps every node that had completed from running again (issue #18).
/// </summary>
public sealed class ResumeFromEveryCheckpointTests
{
    private const string Brief = "# Clinic booking\nTeam of 4 engineers, 20k patients, 99.9% uptime, HIPAA, data stays in the US.";
    private static readonly DesignRunInput Input = new() { RunId = "every-checkpoint", BriefText = Brief };

    [Fact]
    public async Task EveryCheckpoint_WithTheJournalAsACrashThereLeftIt_FinishesAndRunsOnlyWhatHadNotCompleted()
    {
        var harness = new DesignHarness();
        var (full, store, journal) = await RecordAsync(harness);

        var failures = new List<string>();
        foreach (var (checkpoint, index) in store.Written.Select((c, i) => (c, i)))
        {
            var at = store.WrittenAt(checkpoint);
            var observer = new RecordingObserver();
            var resumed = await ResumeAsync(harness, store.UpTo(checkpoint), journal.Before(at), checkpoint, observer);
            var expected = journal.Recorded.Where(r => r.At > at).Select(r => $"{r.Node}#{r.Invocation}").Order().ToList();
            var started = observer.Events.OfType<NodeStartedEvent>().Select(e => $"{e.Node}#{e.Round}").Order().ToList();
            if (resumed.Document is null)
            {
                failures.Add($"checkpoint {index} of {store.Written.Count}: {resumed.Status} {resumed.Error}");
            }
            else if (resumed.Document.Gate?.Verdict != full.Gate?.Verdict || resumed.Document.Gate?.Score != full.Gate?.Score)
            {
                failures.Add($"checkpoint {index}: gate {resumed.Document.Gate?.Verdict}/{resumed.Document.Gate?.Score} instead of {full.Gate?.Verdict}/{full.Gate?.Score}");
            }
            else if (!started.SequenceEqual(expected))
            {
                failures.Add($"checkpoint {index}: ran [{string.Join(", ", started)}], expected [{string.Join(", ", expected)}]");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryCheckpoint_WithEveryNodeJournaled_ReplaysWithoutRunningAnyNodeAndKeepsTheUsage()
    {
        var harness = new DesignHarness();
        var (full, store, journal) = await RecordAsync(harness);

        foreach (var (checkpoint, index) in store.Written.Select((c, i) => (c, i)))
        {
            var observer = new RecordingObserver();
            var resumed = await ResumeAsync(harness, store.UpTo(checkpoint), journal, checkpoint, observer);

            Assert.True(resumed.Document is not null, $"checkpoint {index}: {resumed.Status} {resumed.Error}");
            Assert.Empty(observer.Events.OfType<NodeStartedEvent>());
            Assert.Equal(full.Usage?.InputTokens, resumed.Document.Usage?.InputTokens);
            Assert.Equal(full.Usage?.OutputTokens, resumed.Document.Usage?.OutputTokens);
            Assert.Equal(full.History.Count, resumed.Document.History.Count);
            Assert.Equal(full.Design?.Architecture.Pattern, resumed.Document.Design?.Architecture.Pattern);
        }
    }

    private static async Task<(DesignDocument Document, MemoryCheckpointStore Store, MemoryNodeJournal Journal)> RecordAsync(DesignHarness harness)
    {
        var store = new MemoryCheckpointStore();
        var journal = new MemoryNodeJournal();
        var full = await new DesignRunner(new WorkflowFactory(harness.Catalog, harness.Provider, SharedValidators.All, journal: journal))
            .RunAsync(harness.Workflow, Input, null, null, new RunCheckpoints(CheckpointManager.CreateJson(store)), TestContext.Current.CancellationToken);
        Assert.True(full.Document is not null, full.Error);
        // intake, gatherer, verifier, designer, fan-out, gate, output at least: the sweep below must cover the fan-in.
        Assert.True(store.Written.Count >= 7, $"only {store.Written.Count} checkpoints");
        Assert.Contains(journal.Recorded, r => r.Node == "checklist-gate");
        return (full.Document, store, journal);
    }

    private static async Task<DesignRunResult> ResumeAsync(DesignHarness harness, MemoryCheckpointStore store, MemoryNodeJournal journal, CheckpointInfo from, RecordingObserver observer)
    {
        // A resume that cannot finish must fail the test, not hang it.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(60));
        return await new DesignRunner(new WorkflowFactory(harness.Catalog, harness.Provider, SharedValidators.All, journal: journal))
            .RunAsync(harness.Workflow, Input, observer, null, new RunCheckpoints(CheckpointManager.CreateJson(store), from), bound.Token);
    }
}
