using System.CommandLine;
using System.Text.Json;
using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Rendering;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Core.Workflows;
using ArchitectAgents.Models;

namespace ArchitectAgents.Cli;

/// <summary>The <c>architect</c> command line.</summary>
internal static class Commands
{
    public static RootCommand Build()
    {
        var workflowOption = new Option<string?>("--workflow", "-w") { Description = "Workflow YAML file (default: workflows/architect-design.yaml)." };
        return new RootCommand("ArchitectAgents: a team of agents that designs backend architectures from a brief.")
        {
            DesignCommand(workflowOption),
            AgentsCommand(),
            GraphCommand(workflowOption),
            SchemaCommand(),
            ModelsCommand.Build(),
            ValidateCommand(),
            KeysCommand.Build(),
            ResumeCommand.Build(),
            RequirementsCommand.Build(),
            McpCommand.Build(),
        };
    }

    private static Command DesignCommand(Option<string?> workflowOption)
    {
        var brief = new Argument<string>("brief") { Description = "Brief file (Markdown or text), or - to read standard input." };
        var output = new Option<string>("--out", "-o") { Description = "Directory for the deliverables.", Required = true };
        var nonInteractive = new Option<bool>("--non-interactive") { Description = "Never ask questions; record explicit assumptions instead." };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary on standard output." };
        var attach = new Option<string[]>("--attach") { Description = "Existing architecture document to respect (repeatable).", AllowMultipleArgumentsPerToken = false };
        var model = new Option<string?>("--model", "-m") { Description = "Run every agent on this model from appsettings.json Models (see 'architect models')." };
        var agentModel = new Option<string[]>("--agent-model") { Description = "AGENT=MODEL: run one agent on another model (repeatable).", AllowMultipleArgumentsPerToken = false };
        var maxTokens = new Option<long?>("--max-tokens") { Description = "Stop the run before a model call once it has used this many tokens." };
        var maxCost = new Option<decimal?>("--max-cost") { Description = "Stop the run before a model call once it has cost this many US dollars." };
        var command = new Command("design", "Run the design workflow on a brief and write the deliverable set.")
        {
            brief, output, workflowOption, nonInteractive, json, attach, model, agentModel, maxTokens, maxCost,
        };
        command.SetAction(async (parse, ct) =>
        {
            var briefPath = parse.GetValue(brief)!;
            var text = BriefReader.Read(briefPath, Console.In);
            var outDir = OutputDirectory.Prepare(parse.GetValue(output)!);
            var attachments = (parse.GetValue(attach) ?? []).Select(ReadAttachment).ToList();
            var env = CliEnvironment.Load();
            var (catalog, workflow) = LoadDefinitions(env, parse.GetValue(workflowOption));

            var interactive = !parse.GetValue(nonInteractive) && briefPath != "-" && !Console.IsInputRedirected;
            var runOptions = RunOptionsParser.Parse(parse.GetValue(model), parse.GetValue(agentModel) ?? [], parse.GetValue(maxTokens), parse.GetValue(maxCost), catalog, env.Models);
            var state = new CliRunState
            {
                RunId = $"run-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}",
                OutDir = outDir.FullPath,
                WorkflowFile = parse.GetValue(workflowOption) is { } file ? Path.GetFullPath(file) : null,
                Interactive = interactive,
                Options = runOptions,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var input = new DesignRunInput
            {
                RunId = state.RunId,
                BriefText = text,
                Source = "cli",
                Requester = Environment.UserName,
                Interactive = interactive,
                Attachments = attachments,
            };
            return await DesignExecution.RunAsync(env, catalog, workflow, state, input, resume: false, parse.GetValue(json), outDir, ct);
        });
        return command;
    }

    private static Command AgentsCommand()
    {
        var command = new Command("agents", "List the agents of the catalog.");
        command.SetAction(_ =>
        {
            var catalog = LoadDefinitions(CliEnvironment.Load(), null).Catalog;
            foreach (var agent in catalog.Agents)
            {
                Console.Out.WriteLine($"{agent.Id,-20} {agent.Name}");
                Console.Out.WriteLine($"{"",-20} reads: {string.Join(", ", agent.Reads)}; writes: {string.Join(", ", agent.Writes)}; model: {agent.Model}; outcomes: {string.Join(", ", agent.Outcomes)}");
                Console.Out.WriteLine($"{"",-20} {agent.Description}");
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static Command GraphCommand(Option<string?> workflowOption)
    {
        var command = new Command("graph", "Print the workflow graph as Mermaid.") { workflowOption };
        command.SetAction(parse =>
        {
            var (_, workflow) = LoadDefinitions(CliEnvironment.Load(), parse.GetValue(workflowOption));
            Console.Out.Write(WorkflowGraph.ToMermaid(workflow));
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command SchemaCommand()
    {
        var output = new Option<string?>("--out", "-o") { Description = "Write the schema to this file instead of standard output." };
        var command = new Command("schema", "Print the JSON Schema of the design document (generated from the C# model).") { output };
        command.SetAction(parse =>
        {
            var schema = DocumentJson.SchemaOfDocument().ToJsonString(DocumentJson.Indented) + "\n";
            var file = parse.GetValue(output);
            if (file is null)
            {
                Console.Out.Write(schema);
            }
            else
            {
                try
                {
                    File.WriteAllText(file, schema);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new BadInputException($"cannot write '{file}': {ex.Message}");
                }
            }

            return ExitCodes.Done;
        });
        return command;
    }

    private static Command ValidateCommand()
    {
        var path = new Argument<string>("path") { Description = "A deliverable directory (architecture.mmd, openapi.yaml, schema.sql, design.json) or one of those files." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("validate", "Validate an existing deliverable set with the real parsers.") { path, json };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(path)!;
            await using var validators = CliEnvironment.Load().CreateValidators();
            DeliverableReport report;
            try
            {
                report = await DeliverableValidation.ValidateAsync(target, validators.Validators, ct);
            }
            catch (ArgumentException ex)
            {
                throw new BadInputException(ex.Message);
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(report, DocumentJson.Indented));
            }
            else
            {
                ValidationReportPrinter.Print(Console.Out, report);
            }

            return report.Failed ? ExitCodes.DoneWithIssues : ExitCodes.Done;
        });
        return command;
    }

    internal static (AgentCatalog Catalog, WorkflowDefinition Workflow) LoadDefinitions(CliEnvironment env, string? workflowFile)
    {
        try
        {
            var catalog = env.LoadCatalog();
            return (catalog, env.LoadWorkflow(catalog, workflowFile));
        }
        catch (CatalogException ex)
        {
            throw new BadInputException(ex.Message);
        }
    }

    private static AttachedDocument ReadAttachment(string path)
    {
        try
        {
            return new AttachedDocument { Name = Path.GetFileName(path), Content = BriefReader.Read(path, TextReader.Null) };
        }
        catch (BadInputException ex)
        {
            throw new BadInputException("--attach: " + ex.Message.Replace("the brief", "the document", StringComparison.Ordinal));
        }
    }
}
