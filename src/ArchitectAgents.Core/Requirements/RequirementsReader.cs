using ArchitectAgents.Core.Security;
using System.Globalization;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Reads a brief (and its attachments) into the requirements model. The NLP library splits sentences and tags
/// words; figures, targets, constraints, existing decisions and workload are read in any of English, French, Spanish
/// or German; actors, use cases and entities need English (the model says so for other languages).
/// </summary>
public sealed partial class RequirementsReader(TextAnnotator? annotator)
{
    private const int MaxTaggedCharacters = 64 * 1024;

    /// <summary>A reader over the shared annotator.</summary>
    public static RequirementsReader Default { get; } = new(TextAnnotator.Shared);

    /// <summary>Reads the brief and attachments.</summary>
    public async Task<RequirementsModel> ReadAsync(string brief, IReadOnlyList<(string Name, string Content)> attachments, CancellationToken cancellationToken)
    {
        var lexicon = ReadingLexicon.Default;
        var technologies = TechnologyNames.Default;
        var model = new RequirementsModel();
        var blocks = BriefText.Blocks(brief);
        var joined = BriefText.Joined(blocks);
        model.Language = LanguageDetector.Detect(joined);

        AnnotatedText? annotated = null;
        var nlpFailed = false;
        if (annotator is not null)
        {
            // The tagger reads about 20 KB a second on this machine; past the limit the rest is still read for figures and constraints.
            // A brief read through a glossary is tagged twice (source, then gloss), so half as much of it is tagged.
            var limit = lexicon.Glossaries.ContainsKey(model.Language) ? MaxTaggedCharacters / 2 : MaxTaggedCharacters;
            var tagged = joined;
            if (joined.Length > limit)
            {
                var cut = joined.LastIndexOf('\n', limit);
                tagged = joined[..(cut > 0 ? cut : limit)];
                model.ReaderNotes.Add($"The brief is {joined.Length / 1024} KiB; actors, use cases and entities were read from its first {tagged.Length / 1024} KiB.");
            }

            var (text, unavailable) = await annotator.AnnotateAsync(tagged, cancellationToken).ConfigureAwait(false);
            annotated = text;
            if (unavailable is not null)
            {
                nlpFailed = true;
                model.ReaderNotes.Add($"The NLP library could not run ({unavailable}); sentences were split by punctuation and no use cases, actors or entities were read.");
            }
        }

        var sentences = annotated is not null && model.ReaderNotes.Count == 0
            ? SentencesWithHeadings(annotated.Sentences.Select(s => s.Text).ToList(), blocks)
            : blocks.Where(b => b.Kind != "heading").SelectMany(b => SplitSentences(b.Text).Select(s => (Text: s, b.Heading))).ToList();

        // Headings are read too: "## Existing decisions (keep these)" scopes its items, and a heading can state a figure.
        for (var index = 0; index < sentences.Count; index++)
        {
            var (sentence, heading) = sentences[index];
            if (InstructionDetector.Why(sentence) is { } why)
            {
                model.InstructionAttempts.Add(new InstructionAttempt { Text = sentence, Source = "brief", Why = why });
                continue;
            }

            var read = FigureReader.Read(sentence, heading);
            model.Figures.AddRange(read.Figures);
            model.Figures.AddRange(BurstFigures.Read(sentence, read.Figures));
            model.QualityTargets.AddRange(read.Targets);
            // A question the brief answers itself is read with its answer ("Why not Teams? … the board said no").
            var statement = sentence.EndsWith('?') && index + 1 < sentences.Count ? sentence + " " + sentences[index + 1].Text : sentence;
            var constraints = ConstraintReader.Read(statement, technologies).ToList();
            model.Constraints.AddRange(constraints);
            // A regulation line names no product ("Regulatory: PSD2, GDPR; customer data stays in the EU"): it is traced as
            // its compliance and residency constraints, not a second time as a decision whose words the design must repeat.
            if (DecisionReader.Read(statement, heading, technologies, "brief") is { } decision
                && !(decision.Technologies.Count == 0 && constraints.Count(c => c.Kind is "compliance" or "residency") >= 2))
            {
                model.ExistingDecisions.Add(decision);
            }
        }

        foreach (var (name, content) in attachments)
        {
            foreach (var block in BriefText.Blocks(content).Where(b => b.Kind != "heading"))
            {
                foreach (var sentence in SplitSentences(block.Text))
                {
                    if (InstructionDetector.Why(sentence) is { } why)
                    {
                        model.InstructionAttempts.Add(new InstructionAttempt { Text = sentence, Source = name, Why = why });
                    }
                    else if (DecisionReader.Read(sentence, block.Heading ?? "existing", technologies, name) is { } decision)
                    {
                        model.ExistingDecisions.Add(decision);
                    }
                }
            }
        }

        model.Figures.AddRange(FigureTotals.Derive(model.Figures).ToList());
        AddFigureConstraints(model);
        model.Workload = WorkloadReader.Read(sentences.Select(s => s.Text), model.Figures);

        // A brief in a language with a glossary is read for roles, actions and things through its word-by-word English gloss.
        var glossary = annotated is not null && !nlpFailed ? lexicon.Glossaries.GetValueOrDefault(model.Language) : null;
        if (glossary is not null)
        {
            annotated = await GlossedAsync(annotated!, glossary, cancellationToken).ConfigureAwait(false);

            // Worded values are given in English too ("antes de octubre" → "before October"); the quote stays the brief's.
            foreach (var c in model.Constraints.Where(c => c.Kind is "deadline" or "exclusion" or "invariant" or "retention" or "privacy"))
            {
                c.Value = glossary.Gloss(c.Value);
            }

            model.ReaderNotes.Add($"The brief is in {LanguageDetector.Name(model.Language)}: actors, use cases and entities were read from a word-by-word English gloss, so names are English and may be rough; quotes are the brief's own text.");
        }

        if (annotated is not null && (model.Language is "en" or "und" || glossary is not null))
        {
            var clean = annotated.Sentences.Where(s => InstructionDetector.Why(s.Text) is null).ToList();
            var featureThings = new List<string>();
            var found = UseCaseReader.Read(clean, lexicon, [.. blocks.Where(b => b.Kind == "item").Select(b => b.Text)], featureThings,
                [.. model.Figures.Where(f => f.Quantity == "team size").Select(f => f.Unit.ToLowerInvariant())]);
            foreach (var f in found.Where(f => lexicon.CanonicalActions.ContainsKey(f.UseCase.Action)))
            {
                f.UseCase.Action = lexicon.CanonicalActions[f.UseCase.Action];
            }

            model.UseCases = [.. found.Where(f => !f.ActorOnly).Select(f => f.UseCase).DistinctBy(u => (u.Actor.ToLowerInvariant(), u.Action, u.Object.ToLowerInvariant()))];
            model.Actors = Actors(found, lexicon);
            model.Entities = EntityReader.Read([.. found.Where(f => !f.ActorOnly)], model, annotated, lexicon, featureThings, glossary is null ? null : glossary.Gloss);
            model.Nouns = [.. clean.SelectMany(s => s.Tokens).Where(t => t.Is("Noun") && !t.Is("Pronoun") && !t.Is("Adjective") && !t.Is("Value") && t.Normal.Length >= 3)
                .Select(t => t.Lemma.ToLowerInvariant()).Distinct().Take(200)];
        }
        else if (model.Language is not ("en" or "und") && glossary is null)
        {
            model.ReaderNotes.Add($"The brief is in {LanguageDetector.Name(model.Language)}: figures, quality targets, constraints and existing decisions were read; actors, use cases and entities are read from English text only, so the designer must take them from the brief itself.");
        }

        Defer(model);
        Number(model);
        DeriveFigures(model);
        return model;
    }

    /// <summary>
    /// Moves the use cases the brief defers into <see cref="RequirementsModel.Later"/>, with the entities only they act
    /// on ("events", when nothing at launch touches or points at an event): launch scope is designed, the rest waits.
    /// </summary>
    private static void Defer(RequirementsModel model)
    {
        var later = model.UseCases.Where(u => u.Later is not null).ToList();
        if (later.Count == 0)
        {
            return;
        }

        model.UseCases = [.. model.UseCases.Except(later)];
        model.Later = later;
        static string Head(string phrase) => Inflection.Singular(phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant() ?? "");
        var launch = model.UseCases.Select(u => Head(u.Object)).ToHashSet(StringComparer.Ordinal);
        var pointedAt = model.Entities.SelectMany(e => e.Relations).Select(r => Head(r.Target)).ToHashSet(StringComparer.Ordinal);
        var only = later.Select(u => Head(u.Object)).Where(h => h.Length > 0 && !launch.Contains(h) && !pointedAt.Contains(h)).ToHashSet(StringComparer.Ordinal);
        model.Entities.RemoveAll(e => only.Contains(Head(e.Name)));
    }

    private async Task<AnnotatedText> GlossedAsync(AnnotatedText original, Glossary glossary, CancellationToken cancellationToken)
    {
        // Each source sentence is glossed on a line of its own; the tagged gloss keeps the source sentence as its text.
        var sources = original.Sentences.Select(s => s.Text).ToList();
        var lines = sources.Select(s => glossary.Gloss(s.Replace('\n', ' '))).ToList();
        var (tagged, unavailable) = await annotator!.AnnotateAsync(string.Join('\n', lines), cancellationToken).ConfigureAwait(false);
        if (tagged is null || unavailable is not null)
        {
            return original;
        }

        var result = new List<AnnotatedSentence>();
        var line = 0;
        foreach (var sentence in tagged.Sentences)
        {
            var probe = sentence.Text.Length > 20 ? sentence.Text[..20] : sentence.Text;
            while (line < lines.Count - 1 && !lines[line].Contains(probe, StringComparison.Ordinal))
            {
                line++;
            }

            result.Add(new AnnotatedSentence(line < sources.Count ? sources[line] : sentence.Text, sentence.Tokens));
        }

        return new AnnotatedText(result);
    }

    private static List<(string Text, string? Heading)> SentencesWithHeadings(List<string> sentences, IReadOnlyList<BriefText.Block> blocks)
    {
        // Each sentence takes the heading of the block it sits in; headings themselves are kept as sentences.
        var result = new List<(string, string?)>();
        var b = 0;
        foreach (var s in sentences)
        {
            while (b < blocks.Count - 1 && !blocks[b].Text.Contains(s.Length > 30 ? s[..30] : s, StringComparison.Ordinal))
            {
                b++;
            }

            var block = b < blocks.Count ? blocks[b] : null;
            if (block is null || !block.Text.Contains(s.Length > 30 ? s[..30] : s, StringComparison.Ordinal))
            {
                b = 0;
                block = blocks.FirstOrDefault(x => x.Text.Contains(s.Length > 30 ? s[..30] : s, StringComparison.Ordinal));
            }

            result.Add((s, block?.Kind == "heading" ? block.Text.TrimStart('#', ' ') : block?.Heading));
        }

        return result;
    }

    private static IEnumerable<string> SplitSentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static List<Actor> Actors(List<UseCaseReader.Found> found, ReadingLexicon lexicon) =>
        [.. found.Where(f => !f.ActorIsSystem && f.ActorHead is not null && !f.UseCase.Actor.Equals("System", StringComparison.OrdinalIgnoreCase))
            .GroupBy(f => f.UseCase.Actor.ToLowerInvariant())
            .Select(g => g.First())
            .Select(f => new Actor
            {
                Name = f.UseCase.Actor,
                Kind = IsSystemHead(f.ActorHead!, lexicon) || f.UseCase.Actor.Skip(1).Any(char.IsUpper) ? "system" : "person",
                Text = f.UseCase.Text,
            })];

    // Kinds of software called a "manager" ("SiteMinder, our channel manager"); people are managers of anything else
    // ("workshop managers", "store managers").
    private static readonly HashSet<string> ManagedThings = new(StringComparer.OrdinalIgnoreCase)
    {
        "channel", "password", "secrets", "secret", "package", "certificate", "key", "connection", "device", "content", "task", "queue",
        "file", "download", "window", "resource", "cluster", "property", "revenue", "inventory", "workload", "policy", "mobility",
    };

    private static bool IsSystemHead(string head, ReadingLexicon lexicon)
    {
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words[^1];
        if (last is "manager" or "managers")
        {
            return words.Length > 1 && ManagedThings.Contains(words[^2]);
        }

        return lexicon.SystemActorHeads.Contains(last);
    }

    private static void AddFigureConstraints(RequirementsModel model)
    {
        foreach (var budget in model.Figures.Where(f => f.Quantity is "budget" or "hosting budget" or "infrastructure spend"))
        {
            model.Constraints.Add(new Constraint { Kind = "budget", Value = $"{budget.Unit.Split('/')[0]} {budget.Value.ToString("#,0.##", CultureInfo.InvariantCulture)}{(budget.Unit.Contains('/', StringComparison.Ordinal) ? "/" + budget.Unit.Split('/')[1] : "")}", Text = budget.AppliesTo is { } purpose && purpose.Split(' ')[0].ToLowerInvariant() is "for" or "pour" or "para" or "für" ? $"{budget.Text} {purpose}" : budget.Text });
        }

        if (model.Figures.FirstOrDefault(f => f.Quantity == "team size") is { } team)
        {
            model.Constraints.Add(new Constraint { Kind = "team", Value = $"{team.Value.ToString(CultureInfo.InvariantCulture)} {team.Unit}", Text = team.Text });
        }

        // A stated figure comes before an unquantified wish of the same kind ("cheap to run" after "£40/month").
        model.Constraints = [.. model.Constraints.OrderBy(c => c.Value.EndsWith("(not quantified)", StringComparison.Ordinal) ? 1 : 0)];

        // One constraint per kind and value; the first clause that states it is kept.
        model.Constraints = [.. model.Constraints.DistinctBy(c => (c.Kind, c.Value.ToLowerInvariant()))];
        model.ExistingDecisions = [.. model.ExistingDecisions.DistinctBy(d => d.Text)];
        model.Figures = [.. model.Figures.DistinctBy(f => (f.Value, f.Unit, f.Text))];
        model.QualityTargets = [.. model.QualityTargets.DistinctBy(q => (q.Attribute, q.Value, q.Text))];
    }

    private static void Number(RequirementsModel model)
    {
        for (var i = 0; i < model.Figures.Count; i++)
        {
            model.Figures[i].Id = $"fig-{i + 1}";
        }

        for (var i = 0; i < model.UseCases.Count; i++)
        {
            model.UseCases[i].Id = $"uc-{i + 1}";
        }

        // Deferred use cases keep ids after the launch ones, so the roadmap and the trace can name them.
        for (var i = 0; i < model.Later.Count; i++)
        {
            model.Later[i].Id = $"uc-{model.UseCases.Count + i + 1}";
        }
    }

    /// <summary>Peak request rates the design needs, derived from stated daily or monthly volumes when no rate is stated; marked derived, arithmetic shown.</summary>
    private static void DeriveFigures(RequirementsModel model)
    {
        if (model.Figures.Any(f => f.Unit.EndsWith("/s", StringComparison.Ordinal) || f.Unit.EndsWith("/minute", StringComparison.Ordinal)))
        {
            return;
        }

        var volume = model.Figures.Where(f => f.Sizes && (f.Unit.EndsWith("/day", StringComparison.Ordinal) || f.Unit.EndsWith("/month", StringComparison.Ordinal)) && !f.Unit.Contains("GBP", StringComparison.Ordinal) && !f.Unit.Contains("USD", StringComparison.Ordinal) && !f.Unit.Contains("EUR", StringComparison.Ordinal))
            .Select(f => (Figure: f, PerDay: f.Unit.EndsWith("/month", StringComparison.Ordinal) ? f.Value / 30 : f.Value))
            .OrderByDescending(x => x.PerDay).FirstOrDefault();
        if (volume.Figure is null)
        {
            return;
        }

        // Busy-hour traffic is commonly about 10x the day's average rate.
        const double PeakFactor = 10;
        var average = volume.PerDay / 86_400;
        var peak = Math.Max(1, Math.Ceiling(average * PeakFactor));
        var noun = volume.Figure.Unit.Split('/')[0];
        model.Figures.Add(new Figure
        {
            Id = $"fig-{model.Figures.Count + 1}",
            Quantity = $"peak {noun} per second (derived)",
            Value = peak,
            Unit = noun + "/s",
            Text = volume.Figure.Text,
            Derived = true,
            Derivation = $"{volume.PerDay.ToString("#,0", CultureInfo.InvariantCulture)} {noun}/day ÷ 86,400 s = {average.ToString("0.###", CultureInfo.InvariantCulture)}/s average × {PeakFactor} busy-hour factor = {(average * PeakFactor).ToString("0.##", CultureInfo.InvariantCulture)}/s{(peak > average * PeakFactor + 0.5 ? ", rounded up to " : " ≈ ")}{peak.ToString("#,0", CultureInfo.InvariantCulture)}/s",
        });
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\d""'(])")]
    private static partial Regex SentenceEnd();
}
