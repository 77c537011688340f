using System.CommandLine;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Models;

namespace ArchitectAgents.Cli;

/// <summary><c>architect resume [RUN-ID]</c>: continue a CLI run that stopped, from its last checkpoint; without an id, list them.</summary>
internal static class ResumeCommand
{
    public static Command Build()
    {
        var runId = new Argument<string?>("run-id") { Description = "The run to continue, as printed when it stopped; omit to list resumable runs.", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--out", "-o") { Description = "Write the deliverables here instead of the run's original directory." };
        var nonInteractive = new Option<bool>("--non-interactive") { Description = "Never ask questions; record explicit assumptions instead." };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary on standard output." };
        var maxTokens = new Option<long?>("--max-tokens") { Description = "Replace the run's token budget (it counts what the run has already used)." };
        var maxCost = new Option<decimal?>("--max-cost") { Description = "Replace the run's cost budget in US dollars (it counts what the run has already spent)." };
        var command = new Command("resume", "Continue a design run that stopped (model outage, budget, Ctrl+C) from its last checkpoint; agents that finished are not run again.")
        {
            runId, output, nonInteractive, json, maxTokens, maxCost,
        };
        command.SetAction(async (parse, ct) =>
        {
            var env = CliEnvironment.Load();
            var root = CliRunState.Root(env.Configuration);
            var id = parse.GetValue(runId);
            if (string.IsNullOrWhiteSpace(id))
            {
                var runs = CliRunState.All(root);
                Console.Error.WriteLine(runs.Count == 0 ? $"no resumable runs under {root}" : $"{runs.Count} resumable run(s) under {root}:");
                foreach (var run in runs)
                {
                    Console.Out.WriteLine($"{run.RunId}  {run.CreatedAt:yyyy-MM-dd HH:mm}  → {run.OutDir}  {run.LastError}");
                }

                return ExitCodes.Done;
            }

            var state = CliRunState.Load(root, id.Trim())
                ?? throw new BadInputException($"no resumable run '{id}' under {root} (a run that finished leaves nothing to resume; 'architect resume' lists them)");
            var outDir = OutputDirectory.Prepare(parse.GetValue(output) ?? state.OutDir);
            var (catalog, workflow) = Commands.LoadDefinitions(env, state.WorkflowFile);
            var budget = parse.GetValue(maxTokens) is null && parse.GetValue(maxCost) is null
                ? state.Options?.Budget
                : RunOptionsParser.Parse(null, [], parse.GetValue(maxTokens), parse.GetValue(maxCost), catalog, env.Models)!.Budget;
            var interactive = state.Interactive && !parse.GetValue(nonInteractive) && !Console.IsInputRedirected;
            var resumed = state with
            {
                OutDir = outDir.FullPath,
                Interactive = interactive,
                Options = state.Options is null && budget is null ? null : (state.Options ?? new RunModelOptions()) with { Budget = budget },
            };
            var input = new DesignRunInput { RunId = state.RunId, BriefText = "", Source = "cli", Interactive = interactive };
            return await DesignExecution.RunAsync(env, catalog, workflow, resumed, input, resume: true, parse.GetValue(json), outDir, ct);
        });
        return command;
    }
}
