using System.Globalization;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// The brief's dates as a plan: what must be proved before the first go-live (the assumptions confirmed, access to
/// each existing system, a trial migration, a load test at the stated peak), the first slice in the brief's own words,
/// a go/no-go on the stated targets, then each later slice the brief names. Steps come from the requirements model and
/// the design (its external systems, capabilities and figures); a brief without a date gets no plan.
/// </summary>
internal static partial class DeliveryPlan
{
    public static List<string> Milestones(DesignSection design, DesignFacts f, bool builds = true)
    {
        var model = f.Context.Requirements;
        var deadlines = model.Constraints.Where(c => c.Kind == "deadline" && !c.Value.Contains("not quantified", StringComparison.Ordinal)).ToList();
        if (deadlines.Count == 0)
        {
            return [];
        }

        var first = deadlines[0];
        var (slice, later) = Slices(first);
        var steps = new List<string>();
        var assumed = f.Context.Assumptions.Select(a => a.Topic).ToList();
        var systems = design.Architecture.Components.Where(c => c.Kind == "external" && c.Id is not "idp" and not "product" and not "legacy").Select(c => c.Name).ToList();
        var start = new[]
        {
            assumed.Count > 0 ? $"confirm the assumptions ({DesignWords.List(assumed, 4)}) with the requester" : null,
            systems.Count > 0 ? $"get test access to {DesignWords.List(systems, 4)}" : null,
            design.Capabilities.Any(c => c.Id == "data-migration") ? "get a sample export from the old system" : null,
            builds ? "the walking skeleton (one use case end to end through the pipeline to a production-like environment)" : null,
        }.OfType<string>().ToList();
        if (start.Count > 0)
        {
            steps.Add("Start: " + string.Join("; ", start) + ".");
        }

        if (design.Capabilities.Any(c => c.Id == "data-migration"))
        {
            steps.Add($"At least two months before \"{first.Value}\": a trial migration reconciled and signed off by the people who use the data.");
        }

        if (builds && Peak(f) is { } peak)
        {
            steps.Add($"At least four weeks before \"{first.Value}\": a load test at the stated peak ({peak}) on a production-sized environment, with the fixes it finds.");
        }

        steps.Add($"Ready for the first date{(slice.Contains(first.Value, StringComparison.OrdinalIgnoreCase) ? "" : $" ({first.Value})")}: {slice}, with the previous process kept as its fallback.");
        // Availability and recovery figures are the design's to state once (the figures check holds them to one value).
        var targets = model.QualityTargets.Where(q => q.Attribute is not ("availability" or "rpo" or "rto")).Select(q => q.Text.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        var held = targets.Count > 0 ? $"the stated targets ({string.Join("; ", targets.Select(t => $"\"{t}\""))})" : "the SLOs";
        var next = later.Select(l => $"Then: {l}, in waves with the same go/no-go.")
            .Concat(deadlines.Skip(1).Select(d => $"Then, {d.Value}: {Short(d.Text)}."))
            .ToList();
        if (next.Count == 0 && Subset().IsMatch(slice))
        {
            next.Add("Then the rest, in waves with the same go/no-go; the old process is retired only after the last wave has run cleanly.");
        }

        if (next.Count > 0)
        {
            steps.Add("Go/no-go for the next step after two to four weeks of the first slice: "
                + string.Join(", ", new[]
                {
                    held + " met",
                    "no open high-severity incident",
                    systems.Count > 0 ? $"no failed or unreconciled exchange with {DesignWords.List(systems, 3)}" : null,
                    "the users of the slice signed off",
                }.OfType<string>()) + ".");
            steps.AddRange(next);
        }
        else
        {
            steps.Add($"After go-live: the previous process is retired only once {held} have held through the first weeks of real use.");
        }

        return [.. steps.Select((s, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {s}")];
    }

    // The first slice is the clause that carries the date ("lancement sur 5 restaurants pilotes en mars"); the clauses
    // after it that say when the rest follows ("tout le réseau avant l'été", "the other two before the peak") are the later slices.
    private static (string First, List<string> Later) Slices(Constraint deadline)
    {
        var clauses = Clause().Split(deadline.Text.Trim().TrimEnd('.')).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        // A glossed value ("in March" for "en mars") is not in the brief's words: the first clause carries the date.
        var at = clauses.FindIndex(c => c.Contains(deadline.Value, StringComparison.OrdinalIgnoreCase));
        // An earlier clause with its own date ("in 5 pilot restaurants in March, the whole network before the summer")
        // is the first slice, and the stated value's clause a later one; a clause without a date (the budget) is none.
        var dated = clauses.FindIndex(c => DateWord().IsMatch(c));
        at = dated >= 0 && (at < 0 || dated < at) ? dated : at < 0 && clauses.Count > 1 ? 0 : at;
        if (at < 0 || deadline.Text.Length > 240)
        {
            return ($"the first slice of \"{Short(deadline.Text)}\"", []);
        }

        var later = clauses.Skip(at + 1).Where(c => Later().IsMatch(c)).Select(c => $"\"{c}\"").ToList();
        return ($"\"{clauses[at]}\"", later);
    }

    // The stated peak the first go-live must carry: concurrent users, or a stated peak rate.
    private static string? Peak(DesignFacts f)
    {
        var stated = f.Context.Requirements.Figures.Where(x => !x.Derived).ToList();
        var concurrent = stated.FirstOrDefault(x => x.Quantity.Contains("concurrent", StringComparison.OrdinalIgnoreCase) || x.Quantity.Contains("at once", StringComparison.OrdinalIgnoreCase));
        var rate = stated.FirstOrDefault(x => x.Unit.EndsWith("/s", StringComparison.Ordinal) || x.Quantity.Contains("peak", StringComparison.OrdinalIgnoreCase));
        var pick = f.KnownSpikeCrowd ?? concurrent ?? rate;
        return pick is null ? null : $"{pick.Value.ToString("#,0.##", CultureInfo.InvariantCulture)} {pick.Unit}, \"{pick.Text.Trim()}\"";
    }

    private static string Short(string text) => text.Trim().TrimEnd('.') is { Length: > 160 } t ? t[..157] + "…" : text.Trim().TrimEnd('.');

    [GeneratedRegex(@"\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|januar|februar|märz|juni|juli|oktober|dezember|spring|summer|autumn|winter|printemps|été|automne|hiver|primavera|verano|otoño|invierno|Q[1-4]|\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateWord();

    // A first slice that is part of the whole: a pilot, "first hotels", "5 restaurants", "2 depots".
    [GeneratedRegex(@"\b(?:pilot\w*|first(?!-)|initial|premi[eè]re?s?|primer[oa]?s?|erste[nr]?)\b|\b\d+\s+(?!(?:days|weeks|months|years|hours|minutes|semaines|mois|meses|semanas|años|wochen|monate|jahre|has|was|does|is)\b)\p{L}{2,}s\b", RegexOptions.IgnoreCase)]
    private static partial Regex Subset();

    // A restatement ("…, i.e. by 1 May") belongs to the clause before it.
    [GeneratedRegex(@"\s*(?:[,;](?!\s*(?:i\.e\.|that\s+is|c'est-à-dire|es\s+decir|d\.\s?h\.))|\bthen\b|\bpuis\b|\bluego\b|\bdann\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();

    [GeneratedRegex(@"\b(?:before|after|by|later|rest|others?|remaining|all|whole|avant|après|tout|reste|antes|después|resto|todos?|vor|nach|alle|rest)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Later();
}
