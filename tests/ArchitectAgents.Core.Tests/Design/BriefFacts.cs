using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Offline;

namespace ArchitectAgents.Core.Tests.Design;

/// <summary>Builds design facts from a small requirements model, so design rules are tested without a full run.</summary>
internal static class BriefFacts
{
    public static DesignFacts Of(
        int team,
        string? environment = null,
        int squads = 0,
        (double Amount, string Unit)? budget = null,
        string[]? skills = null,
        string[]? existing = null,
        string[]? shapes = null,
        string[]? identity = null,
        double users = 0,
        string[]? traits = null)
    {
        var model = new RequirementsModel();
        model.Figures.Add(new Figure { Id = "fig-team", Quantity = "team size", Value = team, Unit = "engineers" });
        if (squads > 0)
        {
            model.Figures.Add(new Figure { Id = "fig-squads", Quantity = "squads", Value = squads, Unit = "squads" });
        }

        if (budget is { } b)
        {
            model.Figures.Add(new Figure { Id = "fig-budget", Quantity = "budget", Value = b.Amount, Unit = b.Unit });
            model.Constraints.Add(new Constraint { Kind = "budget", Value = $"{b.Unit.Split('/')[0]} {b.Amount}/{b.Unit.Split('/')[1]}", Text = "budget" });
        }

        foreach (var id in identity ?? [])
        {
            model.Constraints.Add(new Constraint { Kind = "identity", Value = id, Text = id });
        }

        if (existing is { Length: > 0 })
        {
            model.ExistingDecisions.Add(new ExistingDecision { Decision = string.Join(", ", existing), Technologies = [.. existing], Text = "We run " + string.Join(", ", existing) + "." });
        }

        model.Workload.AddRange((shapes ?? []).Select(s => new WorkloadShape { Shape = s, Evidence = s }));
        var context = new ContextSection
        {
            Summary = "test",
            Requirements = model,
            TeamSize = new ExtractedFigure { Value = team, Unit = "engineers", Evidence = $"{team} engineers" },
            TeamSkills = [.. skills ?? []],
            Environment = environment,
            Entities = ["order"],
            Traits = [.. (traits ?? []).Select(t => new WorkloadTrait { Name = t, Evidence = t })],
        };
        if (users > 0)
        {
            context.Figures.Users = new ExtractedFigure { Value = users, Unit = "users", Evidence = $"{users} users" };
        }

        return DesignFacts.From(context);
    }
}
