using System.Text.Json;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Rendering;
using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Models;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Agents.AI.Workflows.Checkpointing;

namespace ArchitectAgents.Cli;

/// <summary>
/// One design run of the CLI, new or resumed: checkpoints every superstep under the state directory, writes the
/// deliverables only when the run finished, and says how to resume when it did not.
/// </summary>
internal static class DesignExecution
{
    public static async Task<int> RunAsync(CliEnvironment env, AgentCatalog catalog, WorkflowDefinition workflow, CliRunState state, DesignRunInput input, bool resume, bool json, OutputDirectory outDir, CancellationToken ct)
    {
        Console.Error.WriteLine($"architect: {(resume ? "resuming " : "")}{state.RunId} · workflow {workflow.Id} · {(state.Interactive ? "interactive" : "non-interactive")}");
        if (env.MissingValidatorTools() is { } missing)
        {
            Console.Error.WriteLine($"note: {missing}; Mermaid and SQL validation will be reported as skipped");
        }

        await using var validators = env.CreateValidators();
        // Mermaid's parser and PGlite take seconds to load: let them load while the first agents run.
        validators.WarmUp();
        using var loggers = CliEnvironment.CreateLoggerFactory();
        var offline = await VerificationSetup.ProviderAsync(env.Configuration, ct);
        var provider = new ModelAgentProvider(env.Models, offline, new ChatClientFactory(env.Models, loggers), []);

        // State is written only once everything the run needs was set up: a refused configuration leaves nothing to resume.
        var root = CliRunState.Root(env.Configuration);
        using var store = OpenCheckpoints(root, state, resume);
        // Node results sit beside the checkpoints: a resume replays the agents that finished, even after the last checkpoint.
        var journal = store is null ? null : new FileNodeJournal(Path.Combine(CliRunState.DirectoryOf(root, state.RunId), "journal"));
        var runner = new DesignRunner(new WorkflowFactory(catalog, provider, validators.Validators, journal: journal));
        RunCheckpoints? checkpoints = null;
        if (store is not null)
        {
            var manager = CheckpointManager.CreateJson(store);
            var from = resume ? await manager.GetLatestCheckpointAsync(state.RunId, ct) ?? throw new BadInputException($"run {state.RunId} has no checkpoint to resume from") : null;
            checkpoints = new RunCheckpoints(manager, from);
        }

        DesignRunResult result;
        try
        {
            result = await runner.RunAsync(workflow, input, new ConsoleObserver(Console.Error, Console.In, state.Interactive), state.Options, checkpoints, ct);
        }
        catch (Exception ex) when (ex is CatalogException or BadInputException)
        {
            // Refused before any agent ran: there is nothing to resume.
            store?.Dispose();
            if (!resume)
            {
                CliRunState.Delete(root, state.RunId);
            }

            throw ex as BadInputException ?? new BadInputException(ex.Message);
        }

        if (result.Status is DesignRunStatus.Failed or DesignRunStatus.Cancelled || result.Document is null)
        {
            return Stopped(root, state, result, store is not null, outDir);
        }

        var files = outDir.Write(DeliverableRenderer.Render(result.Document));
        store?.Dispose();
        CliRunState.Delete(root, state.RunId);
        Report(state.RunId, result, files, json, outDir);
        return result.Status == DesignRunStatus.Completed ? ExitCodes.Done : ExitCodes.DoneWithIssues;
    }

    private static FileSystemJsonCheckpointStore? OpenCheckpoints(string root, CliRunState state, bool resume)
    {
        if (!state.TrySave(root, out var problem))
        {
            if (resume)
            {
                throw new BadInputException($"cannot open the state of run {state.RunId}: {problem}");
            }

            Console.Error.WriteLine($"note: cannot keep checkpoints under {root} ({problem}); this run cannot be resumed (set Cli:StateDirectory)");
            return null;
        }

        try
        {
            return new FileSystemJsonCheckpointStore(new DirectoryInfo(Path.Combine(CliRunState.DirectoryOf(root, state.RunId), "checkpoints")));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The store is process-exclusive: another 'architect resume' of the same run holds it.
            throw new BadInputException($"run {state.RunId} is in use by another process ({ex.Message})");
        }
    }

    private static int Stopped(string root, CliRunState state, DesignRunResult result, bool resumable, OutputDirectory outDir)
    {
        var verb = result.Status == DesignRunStatus.Cancelled ? "was cancelled" : "failed";
        Console.Error.WriteLine($"error: run {state.RunId} {verb}: {result.Error}; nothing was written to {outDir.FullPath}");
        if (result.Usage is { } spent)
        {
            Console.Error.WriteLine($"usage: {UsageText(spent)}");
        }

        // Every stop is resumable: an outage passes, a budget can be raised, a configuration fixed, a model may answer better.
        if (resumable)
        {
            (state with { LastError = result.Error }).TrySave(root, out _);
            var budgetHint = result.ErrorCode == "budget_exceeded" ? " --max-tokens N (or --max-cost USD)" : "";
            Console.Error.WriteLine($"resume: architect resume {state.RunId}{budgetHint}   (finished agents are not run again)");
        }

        return result.Status == DesignRunStatus.Cancelled ? ExitCodes.Cancelled
            : result.ErrorCode is "budget_exceeded" or "model_unavailable" or "configuration" ? ExitCodes.BadInput
            : ExitCodes.InternalFailure;
    }

    private static void Report(string runId, DesignRunResult result, IReadOnlyList<string> files, bool json, OutputDirectory outDir)
    {
        var doc = result.Document!;
        var summary = new
        {
            runId,
            status = result.Status == DesignRunStatus.Completed ? "completed" : "completed_with_issues",
            pattern = doc.Design?.Architecture.Pattern,
            verdict = doc.Gate?.Verdict.ToString().ToLowerInvariant(),
            score = doc.Gate?.Score,
            rounds = doc.Gate?.Iteration,
            assumptions = doc.Context?.Assumptions.Select(a => a.Statement).ToList(),
            openFindings = doc.Review?.Findings.Where(f => f.Status == FindingStatus.Open).Select(f => f.Id).ToList(),
            usage = doc.Usage is { } u ? new
            {
                inputTokens = u.InputTokens,
                outputTokens = u.OutputTokens,
                costUsd = u.CostUsd,
                agents = u.Entries.Select(e => new { node = e.Node, agent = e.Agent, model = e.Model, calls = e.Calls, inputTokens = e.InputTokens, outputTokens = e.OutputTokens, costUsd = e.CostUsd }).ToList(),
            } : null,
            outDir = outDir.FullPath,
            files = files.Select(Path.GetFileName).ToList(),
        };
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(summary, DocumentJson.Indented));
            return;
        }

        Console.Out.WriteLine($"{summary.status}: {summary.pattern}; gate {summary.verdict} (score {summary.score}, round {summary.rounds})");
        foreach (var file in files)
        {
            Console.Out.WriteLine($"  wrote {file}");
        }

        if (doc.Usage is { } used)
        {
            Console.Out.WriteLine($"usage: {UsageText(used)}");
            foreach (var entry in used.Entries)
            {
                Console.Out.WriteLine($"  {entry.Node ?? entry.Agent,-20} {entry.Model,-12} {entry.Calls,3} call(s) {entry.InputTokens,8} in {entry.OutputTokens,8} out  ${entry.CostUsd:0.0000}");
            }
        }
    }

    private static string UsageText(UsageSection usage) =>
        $"{usage.InputTokens} input + {usage.OutputTokens} output tokens, ${usage.CostUsd:0.0000}";
}
