using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Puts the requirements model into the context section and lets its stated facts win over the older keyword
/// reading: the stated team size, residency and regions, regimes, budget, deadline and sizing figures, so no later
/// assumption replaces something the brief said.
/// </summary>
internal static partial class RequirementsFacts
{
    public static void Apply(RequirementsModel model, ContextSection context)
    {
        context.Requirements = model;
        var stated = model.Figures.Where(f => !f.Derived).ToList();

        // The domain is the kind of product the model describes when it names one ("integrated library system"),
        // not a word of the prose ("a very patient volunteer" made a library's catalogue a healthcare brief).
        if (Knowledge.ProductCatalog.Default.FamilyOf(model) is { } family)
        {
            context.Domain = family.Name;
        }

        if (stated.FirstOrDefault(f => f.Quantity == "team size") is { } team)
        {
            context.TeamSize = new ExtractedFigure { Value = team.Value, Unit = "engineers", Evidence = team.Text };
        }

        if (context.Figures.Users is null && stated.Where(f => FigureUnit.IsPeople(f.Unit) && f.Quantity != "team size").MaxBy(f => f.Value) is { } users)
        {
            context.Figures.Users = new ExtractedFigure { Value = users.Value, Unit = "users", Evidence = users.Text };
        }

        // A rate per minute ("250k ride requests per minute") is a peak rate too, in requests a second.
        if (context.Figures.PeakRequestsPerSecond is null
            && stated.Where(f => FigureUnit.IsLoad(f.Unit) && PerSecond(f) is not null).MaxBy(f => PerSecond(f)!.Value) is { } rps)
        {
            context.Figures.PeakRequestsPerSecond = new ExtractedFigure { Value = Math.Ceiling(PerSecond(rps)!.Value), Unit = "requests/s", Evidence = rps.Text };
        }

        // No stated rate: a rate the reader derived from the brief's own figures (a crowd inside a window) sizes the
        // design before any rule of thumb, marked as assumed with its arithmetic.
        if (context.Figures.PeakRequestsPerSecond is null && model.Figures.Where(f => f.Derived && f.Unit == "requests/s").MaxBy(f => f.Value) is { } derived)
        {
            context.Figures.PeakRequestsPerSecond = new ExtractedFigure { Value = derived.Value, Unit = "requests/s", Evidence = "derived: " + derived.Derivation, Assumed = true };
        }

        // A total of per-unit shares ("12k/day per DC" × 3 centres) replaces the keyword reading, which saw one share.
        if (model.Figures.Where(f => f.Sizes && Volume().IsMatch(f.Unit) && !Currency().IsMatch(f.Unit)).MaxBy(PerDay) is { } volume
            && (context.Figures.TransactionsPerDay is null || (volume.Total && context.Figures.TransactionsPerDay.Value < PerDay(volume))))
        {
            context.Figures.TransactionsPerDay = new ExtractedFigure
            {
                Value = Math.Round(PerDay(volume)), Unit = "per day", Evidence = volume.Total ? "derived: " + volume.Derivation : volume.Text,
            };
        }

        if (context.Figures.AvailabilityPercent is null && model.QualityTargets.FirstOrDefault(q => q.Attribute == "availability" && q.Value is not null) is { } availability)
        {
            context.Figures.AvailabilityPercent = new ExtractedFigure { Value = availability.Value!.Value, Unit = "%", Evidence = availability.Text };
        }

        if (context.Figures.LatencyMs is null && model.QualityTargets.FirstOrDefault(q => q.Attribute == "latency" && q.Value is not null) is { } latency)
        {
            context.Figures.LatencyMs = new ExtractedFigure { Value = latency.Value!.Value, Unit = "ms", Evidence = latency.Text };
        }

        var budget = model.Constraints.FirstOrDefault(c => c.Kind == "budget");
        if (context.Budget is null && budget is not null)
        {
            context.Budget = budget.Text;
        }

        if (context.Timeline is null && model.Constraints.FirstOrDefault(c => c.Kind == "deadline") is { } deadline)
        {
            context.Timeline = deadline.Text;
        }

        foreach (var regime in model.Constraints.Where(c => c.Kind == "compliance").Select(c => c.Value))
        {
            if (!context.Compliance.Contains(regime, StringComparer.OrdinalIgnoreCase))
            {
                context.Compliance.Add(regime);
            }
        }

        // Residency: a stated rule, else the stated regions or on-premises hosting, are where the data lives.
        var residency = model.Constraints.FirstOrDefault(c => c.Kind == "residency");
        var regions = model.Constraints.Where(c => c.Kind == "region").Select(c => c.Value).ToList();
        var onPrem = model.Constraints.FirstOrDefault(c => c.Kind == "hosting");
        if (context.DataResidency is null)
        {
            context.DataResidency = residency?.Text
                ?? (regions.Count > 0 ? $"Data stays in the stated region(s): {string.Join(", ", regions)}." : null)
                ?? (onPrem is not null ? $"Data stays on-premises: {onPrem.Text}" : null);
        }

        var clouds = model.Constraints.Where(c => c.Kind is "cloud" or "hosting").Select(c => c.Value).Distinct().ToList();
        if (string.IsNullOrEmpty(context.Environment) && clouds.Count > 0)
        {
            context.Environment = string.Join(", ", clouds);
        }

        // The model's decisions and use cases replace the line-by-line keyword reading, which cut sentences at line breaks.
        if (model.ExistingDecisions.Count > 0)
        {
            context.ExistingDecisions = [.. model.ExistingDecisions.Where(d => d.Source == "brief").Select(d => d.Decision)];
        }

        if (model.UseCases.Count > 0)
        {
            context.FunctionalRequirements = [.. model.UseCases.Select(u => $"{u.Actor} {u.Action} {u.Object}" + (u.Rule is { } rule ? $" ({rule})" : ""))];
        }
    }

    /// <summary>
    /// A brief is vague when the reader, able to read its language, found no use case, nothing the system keeps and
    /// no noun of a domain (software vocabulary and technology names do not count), whatever adjectives surround it
    /// ("build me something scalable with microservices and Kafka; it should be modern and fast").
    /// </summary>
    public static bool IsVague(RequirementsModel model) =>
        model.Language is "en" or "und"
        && model.ReaderNotes.Count == 0
        && model.UseCases.Count == 0
        && model.Entities.Count == 0
        && !BriefScope.ContentWords(string.Join(' ', model.Nouns)).Any();

    private static double? PerSecond(Figure f) => f.Unit.Split('/')[^1] switch
    {
        "s" => f.Value,
        "minute" or "min" => f.Value / 60,
        _ => null,
    };

    private static double PerDay(Figure f) => f.Unit.Split('/')[^1] switch
    {
        "month" => f.Value / 30,
        "year" => f.Value / 365,
        "week" => f.Value / 7,
        "hour" => f.Value * 24,
        _ => f.Value,
    };

    [GeneratedRegex(@"/(?:day|month|year|week|hour)$")]
    private static partial Regex Volume();

    [GeneratedRegex(@"^(?:GBP|USD|EUR|CHF)")]
    private static partial Regex Currency();
}
