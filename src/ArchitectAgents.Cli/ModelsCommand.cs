using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Cli;

/// <summary><c>architect models</c>: the configured models and whether each can be used. Keys are never printed.</summary>
internal static class ModelsCommand
{
    public static Command Build()
    {
        var json = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var command = new Command("models", "List the configured models and say which are usable (key present).") { json };
        command.SetAction(parse =>
        {
            var env = CliEnvironment.Load();
            var models = env.Models;
            var catalog = env.LoadCatalog();
            var rows = models.Describe().Select(m => new
            {
                name = m.Name,
                provider = m.Provider,
                model = m.Model,
                endpoint = m.Endpoint,
                inputPricePerMillion = m.InputPricePerMillion,
                outputPricePerMillion = m.OutputPricePerMillion,
                usable = m.Usable,
                reason = m.Reason,
                agents = catalog.Agents.Where(a => a.Model == m.Name).Select(a => a.Id).ToList(),
            }).ToList();
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(rows, DocumentJson.Indented));
                return ExitCodes.Done;
            }

            foreach (var row in rows)
            {
                var price = row.inputPricePerMillion == 0 && row.outputPricePerMillion == 0
                    ? "free"
                    : string.Create(CultureInfo.InvariantCulture, $"${row.inputPricePerMillion}/${row.outputPricePerMillion} per 1M in/out");
                Console.Out.WriteLine($"{row.name,-16} {row.provider,-16} {row.model ?? "-",-24} {price,-28} {(row.usable ? "usable" : "NOT usable")}: {row.reason}");
                if (row.agents.Count > 0)
                {
                    Console.Out.WriteLine($"{"",-16} used by: {string.Join(", ", row.agents)}");
                }
            }

            return ExitCodes.Done;
        });
        return command;
    }
}
