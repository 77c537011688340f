using System.Globalization;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Decides whether the requirements model calls for a capability, and quotes the feature that does. A use case counts
/// only as a verb together with a fitting object (so "post a comment" is no ledger posting); shapes, quality bounds,
/// constraint kinds, stated figures, the budget and products of existing decisions count as they are; bare words are
/// the last resort and are read only in use cases and constraints, never in background prose. A feature whose words
/// mention an excluded word ("legal hold" for inventory holds) never counts.
/// </summary>
internal sealed class TriggerMatcher(RequirementsModel model, CapabilityCatalog catalog)
{
    private readonly Money? budget = Money.MonthlyBudget(model);

    /// <summary>The use case whose verb and object matched in the last <see cref="Because"/> call, if one did: the thing a capability's mechanism works on.</summary>
    public UseCase? MatchedUseCase { get; private set; }

    /// <summary>The model's features that call for the capability, quoted; null when none does (or a required second feature is missing).</summary>
    public string? Because(CapabilityTriggers t)
    {
        MatchedUseCase = null;
        if (First(t, t.Excludes) is not { } because)
        {
            return null;
        }

        if (t.Requires is not { IsEmpty: false } requires)
        {
            return because;
        }

        // The parent's exclusions hold for the required feature too.
        return First(requires, [.. t.Excludes, .. requires.Excludes]) is { } second ? $"{because}, with {second}" : null;
    }

    private string? First(CapabilityTriggers t, IReadOnlyList<string> excludes)
    {
        bool Allowed(params string?[] texts) => !excludes.Any(x => texts.Any(s => s is not null && ExistingStack.Mentions(s, x)));

        var objects = t.Objects.Concat(t.ObjectClasses.SelectMany(catalog.ClassWords)).ToList();
        if (model.UseCases.FirstOrDefault(u => Allowed(u.Text, u.Object) && (
                t.AnyObjectVerbs.Any(v => Same(u.Action, v))
                || t.Verbs.Any(v => Same(u.Action, v)) && objects.Any(o => MentionsWord(u.Object, o))
                || t.Actors.Any(a => MentionsWord(u.Actor, a)))) is { } useCase)
        {
            MatchedUseCase ??= useCase;
            return $"use case: {useCase.Actor} {useCase.Action} {useCase.Object}".Replace("  ", " ", StringComparison.Ordinal);
        }

        foreach (var shape in t.Shapes)
        {
            var parts = shape.Split('+', StringSplitOptions.TrimEntries);
            var evidence = parts.Select(p => model.Workload.FirstOrDefault(w => w.Shape == p && Allowed(w.Evidence))).ToList();
            if (evidence.All(e => e is not null))
            {
                return string.Join(" and ", evidence.Select(e => $"{e!.Shape} workload: \"{e.Evidence}\""));
            }
        }

        if (model.QualityTargets.FirstOrDefault(q => t.Qualities.Contains(q.Attribute) && Allowed(q.Text)) is { } quality)
        {
            return $"{quality.Attribute} target: \"{quality.Text}\"";
        }

        foreach (var bound in t.QualityBounds)
        {
            if (model.QualityTargets.FirstOrDefault(q => q.Attribute == bound.Attribute && Seconds(q) <= bound.AtMostSeconds && Allowed(q.Text)) is { } tight)
            {
                return $"{tight.Attribute} target: \"{tight.Text}\" (≤ {bound.AtMostSeconds.ToString("#,0.##", CultureInfo.InvariantCulture)} s)";
            }
        }

        foreach (var entry in t.Constraints)
        {
            var (kind, cls) = entry.IndexOf(':', StringComparison.Ordinal) is var cut and > 0 ? (entry[..cut], entry[(cut + 1)..]) : (entry, null);
            var words = cls is null ? [] : catalog.ClassWords(cls);
            if (model.Constraints.FirstOrDefault(c => c.Kind == kind && Allowed(c.Value, c.Text)
                    && (cls is null || words.Any(w => MentionsWord(c.Value + " " + c.Text, w)))) is { } constraint)
            {
                return $"{constraint.Kind} constraint: \"{constraint.Value}\"";
            }
        }

        foreach (var threshold in t.Figures)
        {
            if (model.Figures.FirstOrDefault(x => x.Sizes && string.Equals(x.Unit, threshold.Unit, StringComparison.OrdinalIgnoreCase) && x.Value >= threshold.AtLeast && Allowed(x.Text)) is { } figure)
            {
                return $"figure: {figure.Value.ToString("#,0.##", CultureInfo.InvariantCulture)} {figure.Unit} (≥ {threshold.AtLeast.ToString("#,0", CultureInfo.InvariantCulture)})";
            }
        }

        if (t.MonthlyBudgetAtMost is { } most && budget is { } b && b.UsdPerMonth <= most)
        {
            return $"budget: {b.Stated} (≤ USD {most.ToString("#,0", CultureInfo.InvariantCulture)}/month)";
        }

        foreach (var decision in model.ExistingDecisions.Where(d => Allowed(d.Text)))
        {
            if (decision.Technologies.FirstOrDefault(n => t.Decisions.Any(w => ExistingStack.Mentions(n, w))) is { } named)
            {
                return $"existing decision: {named} (\"{Short(decision.Decision)}\")";
            }
        }

        // A phrase in what the brief says of its load ("bots are a large share of that"), for the capabilities that read it.
        if (t.LoadWords.FirstOrDefault(w => model.Workload.Any(x => Allowed(x.Evidence) && ExistingStack.Mentions(x.Evidence, w))) is { } load)
        {
            return $"the brief says \"{load}\" of its load";
        }

        // Last resort: a phrase in what the brief asks for (use cases) or limits (constraints); background prose never counts.
        var texts = model.UseCases.Select(u => u.Text).Concat(model.Constraints.Select(c => c.Value + " " + c.Text)).Where(x => Allowed(x)).ToList();
        return t.Words.FirstOrDefault(w => texts.Any(x => ExistingStack.Mentions(x, w))) is { } word ? $"the brief says \"{word}\"" : null;
    }

    private static bool Same(string action, string verb) => string.Equals(action, verb, StringComparison.OrdinalIgnoreCase);

    // "seat" matches "seats": objects are written singular in the data. A capitalised word is a proper name and
    // matches only as written ("Teams" the product, not "teams" of people); a lower-case word matches any case.
    private static bool MentionsWord(string text, string word) =>
        (ExistingStack.Mentions(text, word) || ExistingStack.Mentions(text, word + "s") || ExistingStack.Mentions(text, word + "es"))
        && (!char.IsUpper(word[0]) || text.Contains(word, StringComparison.Ordinal));

    // A bound in seconds; a clock time ("by 05:30") is a deadline, not a bound.
    private static double? Seconds(QualityTarget q) => q.Value is not { } v ? null : q.Unit.ToLowerInvariant() switch
    {
        "ms" => v / 1000,
        "s" or "sec" or "seconds" => v,
        "min" or "minute" or "minutes" => v * 60,
        "h" or "hour" or "hours" => v * 3600,
        "day" or "days" => v * 86400,
        _ => null,
    };

    private static string Short(string text) => text.Length <= 80 ? text : text[..77].TrimEnd() + "...";
}
