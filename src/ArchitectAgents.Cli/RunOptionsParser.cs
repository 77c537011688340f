using ArchitectAgents.Core.Catalog;
using ArchitectAgents.Core.Models;
using ArchitectAgents.Models;

namespace ArchitectAgents.Cli;

/// <summary>Turns the design command's model and budget options into run options, naming the bad one.</summary>
internal static class RunOptionsParser
{
    public static RunModelOptions? Parse(string? model, IReadOnlyList<string> agentModels, long? maxTokens, decimal? maxCost, AgentCatalog catalog, ModelCatalog models)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        if (model is not null)
        {
            overrides["*"] = RequireModel("--model", model, models);
        }

        foreach (var pair in agentModels)
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new BadInputException($"--agent-model '{pair}' must look like AGENT=MODEL, for example designer=gpt");
            }

            if (!catalog.TryGet(parts[0], out _))
            {
                throw new BadInputException($"--agent-model: '{parts[0]}' is not an agent (agents: {string.Join(", ", catalog.Agents.Select(a => a.Id))})");
            }

            overrides[parts[0]] = RequireModel("--agent-model", parts[1], models);
        }

        if (maxTokens is <= 0)
        {
            throw new BadInputException("--max-tokens must be a positive whole number");
        }

        if (maxCost is <= 0)
        {
            throw new BadInputException("--max-cost must be a positive number of US dollars");
        }

        var budget = maxTokens is null && maxCost is null ? null : new RunBudget { MaxTokens = maxTokens, MaxCostUsd = maxCost };
        return overrides.Count == 0 && budget is null ? null : new RunModelOptions { Models = overrides, Budget = budget };
    }

    private static string RequireModel(string option, string name, ModelCatalog models)
    {
        if (!models.Contains(name))
        {
            throw new BadInputException($"{option}: model '{name}' is not configured (models: {string.Join(", ", models.All.Select(m => m.Name).Order(StringComparer.Ordinal))}); see 'architect models'");
        }

        var (usable, reason) = models.Usability(models.Get(name));
        return usable ? name : throw new BadInputException($"{option}: model '{name}' cannot be used: {reason}");
    }
}
