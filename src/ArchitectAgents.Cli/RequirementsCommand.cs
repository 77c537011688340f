using System.CommandLine;
using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Rendering;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Cli;

/// <summary><c>architect requirements</c>: reads a brief into the requirements model and prints it, without running the agents.</summary>
internal static class RequirementsCommand
{
    public static Command Build()
    {
        var brief = new Argument<string>("brief") { Description = "Brief file (Markdown or text), or - to read standard input." };
        var json = new Option<bool>("--json") { Description = "Print the model as JSON." };
        var attach = new Option<string[]>("--attach") { Description = "Existing architecture document to read decisions from (repeatable).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("requirements", "Read a brief into the requirements model (actors, use cases, figures, constraints, existing decisions) and print it.")
        {
            brief, json, attach,
        };
        command.SetAction(async (parse, ct) =>
        {
            var text = BriefReader.Read(parse.GetValue(brief)!, Console.In);
            var attachments = (parse.GetValue(attach) ?? []).Select(p => (Path.GetFileName(p), BriefReader.Read(p, TextReader.Null))).ToList();
            var model = await RequirementsReader.Default.ReadAsync(text, attachments, ct);
            Console.Out.Write(parse.GetValue(json) ? JsonSerializer.Serialize(model, DocumentJson.Indented) + "\n" : RequirementsMarkdown.Render(model, 1));
            return ExitCodes.Done;
        });
        return command;
    }
}
