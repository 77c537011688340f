using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// The things the system keeps: the objects of the use cases, the nouns the figures count, and the actors the system
/// also keeps records of; with the facts, lifecycle states and retention the brief gives for each.
/// </summary>
public static partial class EntityReader
{
    private static readonly HashSet<string> UnitNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "request", "requests", "people", "person", "developer", "engineer", "dev", "staff", "minute", "second", "hour", "day", "week", "month",
        "year", "country", "team", "squad", "share", "ratio", "size", "duration", "amount", "budget", "time", "x", "%", "page view", "view",
        "login", "poll", "events", "request rate", "shift", "depot", "office",
    };

    // Counted events of using the system, not things it keeps ("70k searches/day", "400 logins a day").
    private static readonly HashSet<string> UsageEvents = new(StringComparer.OrdinalIgnoreCase)
    {
        "search", "login", "poll", "view", "page view", "request", "download", "visit", "hit", "click", "call", "query", "session", "read", "write",
    };

    /// <summary>Reads the entities.</summary>
    public static List<DomainEntity> Read(List<UseCaseReader.Found> found, RequirementsModel model, AnnotatedText annotated, ReadingLexicon lexicon, IReadOnlyList<string>? featureThings = null, Func<string, string>? gloss = null)
    {
        var lemmas = annotated.Sentences.SelectMany(s => s.Tokens).GroupBy(t => t.Normal).ToDictionary(g => g.Key, g => g.First().Lemma, StringComparer.OrdinalIgnoreCase);
        var entities = new List<DomainEntity>();
        var nouns = annotated.Sentences.SelectMany(s => s.Tokens).Where(t => t.Is("Noun") && !t.Is("Adjective")).Select(t => t.Normal).ToHashSet(StringComparer.OrdinalIgnoreCase);

        bool Add(string? name, string text)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return false;
            }

            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => lemmas.TryGetValue(w, out var l) && !string.Equals(l, w, StringComparison.OrdinalIgnoreCase) ? l : w).ToList();
            words[^1] = Inflection.Singular(words[^1].ToLowerInvariant());
            var singular = string.Join(' ', words).ToLowerInvariant();
            if (singular.Length < 3 || lexicon.GenericNouns.Contains(singular) || lexicon.Pronouns.Contains(singular) || UnitNouns.Contains(singular) || words.Count == 1 && UnitNouns.Contains(words[0]))
            {
                return false;
            }

            if (entities.All(e => !e.Name.Equals(singular, StringComparison.OrdinalIgnoreCase)))
            {
                entities.Add(new DomainEntity { Name = singular, Text = text });
            }

            return true;
        }

        // Value moved ("give funds", "send money") is not kept as a thing: its movement is (a donation, a transfer).
        foreach (var f in found.Where(f => f.ActorIsSystem || !lexicon.IsValue(f.UseCase.Object)))
        {
            Add(f.ObjectHead, f.UseCase.Text);
        }

        foreach (var f in found.Where(f => f.CompanionHead is not null))
        {
            Add(f.CompanionHead, f.UseCase.Text);
        }

        // The record an action leaves behind is kept too ("reserve books" → reservation, "rate recipes" → rating),
        // and is a record of what the action was done to (a reservation of a book, a reply in a thread).
        var records = new List<(string Record, string? Of, string Text)>();
        foreach (var f in found.Where(f => !f.ActorIsSystem))
        {
            if (lexicon.RecordOf(f.UseCase.Action, f.UseCase.Object) is { } record)
            {
                // A record too generic alone ("request") is named with what it is of ("money request").
                if (Add(record, f.UseCase.Text))
                {
                    records.Add((record, f.ObjectHead, f.UseCase.Text));
                }
                else if (f.ObjectHead is not null && !entities.Any(e => e.Name.EndsWith(" " + record, StringComparison.Ordinal)))
                {
                    Add(f.ObjectHead.Split(' ')[^1] + " " + record, f.UseCase.Text);
                }
            }
        }

        // Plain noun items of feature lists ("Must have: threads, presence").
        foreach (var thing in featureThings ?? [])
        {
            Add(thing, annotated.Sentences.FirstOrDefault(s => s.Text.Contains(thing.Split(' ')[^1], StringComparison.OrdinalIgnoreCase))?.Text ?? thing);
        }

        // Nouns the figures count, except events of using the system ("70k searches/day", "3,000 logins").
        var figures = gloss is null ? model.Figures : [.. model.Figures.Select(f => new Figure { Value = f.Value, Unit = gloss(f.Unit), Quantity = f.Quantity, Text = f.Text, Derived = f.Derived })];
        foreach (var figure in figures.Where(f => !f.Derived && f.Unit.Length > 2 && f.Unit.All(c => char.IsLetter(c) || c == ' ' || c == '/') && f.Quantity != "team size" && !f.Unit.Split('/')[0].All(char.IsUpper)
            && !UsageEvents.Contains(Inflection.Singular(f.Unit.Split('/')[0].Split(' ')[^1].ToLowerInvariant()))
            && nouns.Contains(f.Unit.Split('/')[0].Split(' ')[^1])))
        {
            Add(figure.Unit.Split('/')[0], figure.Text);
        }

        // People the system keeps records of: actors that are also acted on or counted.
        foreach (var actor in model.Actors.Where(a => a.Kind == "person"))
        {
            var head = actor.Name.Split(' ')[^1].ToLowerInvariant();
            var headLemma = lemmas.TryGetValue(head, out var l) ? l : head;
            if (entities.Any(e => e.Name == headLemma))
            {
                continue;
            }

            if (model.Figures.Any(fg => fg.Unit.StartsWith(head, StringComparison.OrdinalIgnoreCase) || fg.Unit.StartsWith(headLemma, StringComparison.OrdinalIgnoreCase)))
            {
                Add(headLemma, actor.Text);
            }
        }

        // What the brief says a thing has: its attributes; a plural item is a collection it owns, kept as a thing too.
        var had = EntityAttributeReader.Read(annotated.Sentences, lexicon);
        foreach (var (owner, item, _, text) in had.Where(h => h.Plural && entities.Any(e => e.Name == h.Owner)))
        {
            Add(item, text);
        }

        // "group channel" beside "channel", "card payment" beside "payment": a kind of a thing the system keeps is that thing
        // (a type or a column of it), not a second table. Only two-word names whose head is itself kept.
        entities.RemoveAll(e => e.Name.Split(' ') is [_, var head] && entities.Any(o => o.Name == head));

        foreach (var entity in entities)
        {
            entity.Attributes = [.. had.Where(h => h.Owner == entity.Name).Select(h => h.Item).Distinct()];
            var states = found.Where(f => f.ObjectHead is not null && lexicon.TransitionVerbs.Contains(f.UseCase.Action)
                    && (Lemma(f.ObjectHead, lemmas) == entity.Name || Lemma(f.UseCase.Object, lemmas).EndsWith(entity.Name, StringComparison.Ordinal)))
                .Select(f => Inflection.Participle(f.UseCase.Action)).Distinct().ToList();
            entity.States = states;
            var retention = annotated.Sentences.Select(s => s.Text).FirstOrDefault(s => s.Contains(entity.Name.Split(' ')[^1], StringComparison.OrdinalIgnoreCase) && Retention().IsMatch(s));
            if (retention is not null)
            {
                entity.Retention = Retention().Match(retention).Value;
            }

            // The name is looked for first, so a huge brief's many entities don't each run the pattern over every sentence.
            var facts = new Regex(@"\b(?:an?|the|each|every)\s+" + Regex.Escape(entity.Name) + @"s?\s+(?:has|have|must|can|is|are|belongs?|holds?)\b", RegexOptions.IgnoreCase);
            entity.Facts = [.. annotated.Sentences.Select(s => s.Text)
                .Where(s => s.Contains(entity.Name, StringComparison.OrdinalIgnoreCase) && facts.IsMatch(s))
                .Take(3)];
        }

        EntityRelationReader.Read(entities, annotated.Sentences, had);
        foreach (var (record, of, text) in records)
        {
            var parent = of is null ? null : entities.FirstOrDefault(e => e.Name == Lemma(of, lemmas) || e.Name == Inflection.Singular(Lemma(of, lemmas)));
            if (parent is not null && entities.FirstOrDefault(e => e.Name == record) is { } child && child != parent
                && child.Relations.All(r => r.Target != parent.Name) && parent.Relations.All(r => r.Target != child.Name))
            {
                child.Relations.Add(new EntityRelation { Target = parent.Name, Kind = "belongs to", Text = text });
            }
        }

        return entities;
    }

    private static string Lemma(string phrase, Dictionary<string, string> lemmas) =>
        string.Join(' ', phrase.Split(' ').Select(w => lemmas.TryGetValue(w, out var l) ? l : w)).ToLowerInvariant();

    [GeneratedRegex(@"\b(?:kept|retained|retention|stored|archived)\b[^.;]{0,40}?\b(?:for\s+)?(?:at\s+least\s+|up\s+to\s+)?\d+\s+(?:years?|months?|days?)|\b\d+\s+(?:years?|months?|days?)\s+for\s+[\w\s]{3,30}", RegexOptions.IgnoreCase)]
    private static partial Regex Retention();
}
