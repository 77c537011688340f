using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Reads features stated without a subject: list items and the items after a colon ("Must have: threads, file
/// sharing, search across everything"; "- seat selection with an 8-minute hold"; "members can: search the catalogue,
/// place holds"). Each comma- or "and"-separated item is one of: a verb and its object ("renew loans"); a
/// nominalised action and what it acts on ("seat selection" → select seat, "file sharing" → share file, "search
/// across everything" → search everything); a thing that acts on its own ("a waiting room that admits people" →
/// System admits people, "a waitlist that promotes automatically" → System promotes the waitlist); or a thing with
/// a participle ("ticket limits enforced across accounts" → System enforces ticket limits). A plain noun item
/// ("threads", "presence") is no use case but a thing the system keeps. The actor of a feature is a role named in
/// the item, else filled in later with the brief's main role.
/// </summary>
public static class FeatureItemReader
{
    /// <summary>The actor placeholder for a feature whose actor is the brief's main role.</summary>
    public const string MainRole = "";

    /// <summary>Use cases and plain noun items in one clause that has no subject of its own.</summary>
    /// <param name="sentence">The sentence.</param>
    /// <param name="clause">The clause's tokens.</param>
    /// <param name="lexicon">The word lists.</param>
    /// <param name="nouns">Words the brief uses as nouns elsewhere ("60k seats"): one opening an item before an action noun is its modifier ("seat holds").</param>
    public static (List<UseCaseReader.Found> Found, List<string> Things) Read(AnnotatedSentence sentence, List<Token> clause, ReadingLexicon lexicon, IReadOnlySet<string>? nouns = null)
    {
        var found = new List<UseCaseReader.Found>();
        var things = new List<string>();
        foreach (var item in Items(clause))
        {
            ReadItem(sentence, item, lexicon, found, things, nouns ?? new HashSet<string>());
        }

        return (found, things);
    }

    private static IEnumerable<List<Token>> Items(List<Token> clause)
    {
        var current = new List<Token>();
        foreach (var t in clause)
        {
            if (t.Normal is "and" or "or" or "plus" && current.Count > 0 && !current[^1].Breaks)
            {
                yield return current;
                current = [];
                continue;
            }

            current.Add(t);
            if (t.Post.Contains(',', StringComparison.Ordinal))
            {
                yield return current;
                current = [];
            }
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    private static void ReadItem(AnnotatedSentence sentence, List<Token> t, ReadingLexicon lexicon, List<UseCaseReader.Found> found, List<string> things, IReadOnlySet<string> nouns)
    {
        var i = 0;
        while (i < t.Count && (t[i].Normal is "then" or "also" or "and" or "or" or "plus" || t[i].Is("Determiner") && t[i].Normal is not ("that" or "which") || t[i].Is("Preposition") && t[i].Post == "-"))
        {
            i++;
        }

        if (i >= t.Count || t.Any(x => x.Is("Negative") || x.Normal is "not" or "never" or "no"))
        {
            return;
        }

        if (i + 1 < t.Count && t[i + 1].Is("Gerund") && Nominalised(t[i + 1], lexicon) is { } done && !t[i].Breaks && !t[i].Is("Gerund"))
        {
            var before = new List<Token> { t[i] with { Tags = new HashSet<string>(["Noun"], StringComparer.Ordinal) } };
            var after = UseCaseReader.NounPhraseAt(t, SkipDeterminers(t, i + 2), asObject: true);
            if (lexicon.IsActor(before) && after.Count > 0 && !after.Any(IsMeasure))
            {
                // "partners polling stock": a role, its action as a gerund, and the object.
                Add(found, sentence, Capitalise(UseCaseReader.Phrase(before)), done, after, UseCaseReader.Head(before));
                return;
            }

            if (!lexicon.IsActor(before) && !IsMeasure(t[i]))
            {
                // "file sharing up to 250 MB": the object, then the action as a gerund.
                var role = RoleIn(t, i + 2, lexicon);
                Add(found, sentence, role is null ? MainRole : Capitalise(UseCaseReader.Phrase(role)), done, before, role is null ? null : UseCaseReader.Head(role));
                return;
            }
        }

        var np = UseCaseReader.NounPhraseAt(t, i, asObject: true);
        if (np.Count >= 2 && Nominalised(np[^1], lexicon) is not null && (!t[i].Is("Verb") || nouns.Contains(t[i].Normal)))
        {
            // "seat selection": a noun phrase headed by an action noun, even when its first word could be a verb.
        }
        else if (lexicon.ActionVerbs.Contains(t[i].Lemma) || lexicon.ActionVerbs.Contains(t[i].Normal))
        {
            // "renew loans", "place holds", "search across everything": an item that opens with an action verb.
            var first = t[i];
            var verb = lexicon.ActionVerbs.Contains(first.Normal) ? first.Normal : first.Lemma;
            var at = SkipDeterminers(t, i + 1);
            if (at < t.Count && t[at].Is("Preposition") && t[at].Normal is "across" or "for" or "through" or "in")
            {
                at = SkipDeterminers(t, at + 1);
            }

            var obj = UseCaseReader.NounPhraseAt(t, at, asObject: true);
            if (obj.Count > 0 && !first.Is("Plural") && !obj.Any(IsMeasure) && (first.Is("Verb") || i + 1 < t.Count && (t[i + 1].Is("Determiner") || t[i + 1].Is("Plural") || t[i + 1].Is("Preposition"))))
            {
                Add(found, sentence, MainRole, verb, obj, null);
                return;
            }
        }

        if (np.Count == 0)
        {
            return;
        }

        var n = i + np.Count;
        if (n + 1 < t.Count && t[n].Normal is "that" or "which" or "who" && t[n + 1].Is("Verb") && !t[n + 1].Is("Copula") && !t[n + 1].Is("Modal") && !lexicon.StopVerbs.Contains(t[n + 1].Lemma))
        {
            // "a waiting room that admits people": the thing acts; its object, or itself when the verb has none.
            var obj = UseCaseReader.NounPhraseAt(t, SkipDeterminers(t, n + 2), asObject: true);
            var actor = lexicon.IsActor(np) && !lexicon.IsSystem(np) ? Capitalise(UseCaseReader.Phrase(np)) : "System";
            Add(found, sentence, actor, t[n + 1].Lemma, obj.Count > 0 ? obj : np, actor == "System" ? null : UseCaseReader.Head(np));
            if (actor == "System" && obj.Count > 0)
            {
                things.Add(UseCaseReader.Head(np));
            }

            return;
        }

        if (n < t.Count && t[n].Is("Verb") && (t[n].Is("PastTense") || t[n].Is("Participle")) && !t[n].Is("Copula") && !lexicon.StopVerbs.Contains(t[n].Lemma) && !lexicon.IsActor(np))
        {
            // "ticket limits enforced across accounts": a participle after the thing is done to it by the system.
            Add(found, sentence, "System", t[n].Lemma, np, null);
            return;
        }

        if (n < t.Count && t[n].Is("Verb") && !t[n].Is("Gerund") && !t[n].Is("Noun"))
        {
            // A subject and its verb: a sentence, which the clause reader has had.
            return;
        }

        if (n < t.Count && t[n].Is("Gerund") && Nominalised(t[n], lexicon) is { } gerund && !np.Any(IsMeasure))
        {
            // "file sharing up to 250 MB": the tagger reads the action noun as a gerund after its object.
            var role = RoleIn(t, n + 1, lexicon);
            Add(found, sentence, role is null ? MainRole : Capitalise(UseCaseReader.Phrase(role)), gerund, np, role is null ? null : UseCaseReader.Head(role));
            return;
        }

        var head = np[^1];
        var action = Nominalised(head, lexicon);
        if (action is not null)
        {
            // "seat selection" → select seat; "search across everything" → search everything.
            var target = np.Take(np.Count - 1).Where(x => !x.Is("Adjective") || x.Is("Noun")).ToList();
            if (target.Count == 0 && n + 1 < t.Count && t[n].Is("Preposition") && t[n].Normal is "of" or "for" or "across" or "through" or "to" or "in" or "on")
            {
                target = UseCaseReader.NounPhraseAt(t, SkipDeterminers(t, n + 1), asObject: true);
            }

            if (target.Count > 0 && !target.Any(IsMeasure) && !target.All(x => x.Is("Pronoun") && !lexicon.Pronouns.Contains(x.Normal)))
            {
                var role = RoleIn(t, n, lexicon);
                Add(found, sentence, role is null ? MainRole : Capitalise(UseCaseReader.Phrase(role)), action, target, role is null ? null : UseCaseReader.Head(role));
                return;
            }
        }

        // "a waitlist", "threads", "a deposit of €10 per person": a feature that implies what its users do with it.
        if (Implied(np, lexicon) is { } implied && !np.Any(x => x.Is("ProperNoun") || x.Is("Acronym")))
        {
            var feature = UseCaseReader.Phrase(np.Where(x => !IsMeasure(x)).ToList());
            var objText = implied.ActsOn ?? Inflection.Singular(feature);
            found.Add(new UseCaseReader.Found(new UseCase { Actor = MainRole, Action = implied.Action, Object = objText, Text = sentence.Text }, null, objText.Split(' ')[^1], false));
            if (implied.ActsOn is { } actsOn && actsOn.Split(' ').Contains(Inflection.Singular(np[^1].Normal), StringComparer.OrdinalIgnoreCase))
            {
                // "mobile push" → receive a push notification: the object is the feature's full name; no second thing.
                return;
            }
        }

        // A plain noun item: a common noun that is the whole item, not a name, figure or setting ("Team: 6 developers", "AWS, eu-west-2").
        if (n == t.Count && !np.Any(x => IsMeasure(x) || x.Is("ProperNoun") || x.Is("Acronym") || x.Is("Place") || x.Is("Date") || x.Text.Any(char.IsUpper) && x != np[0] || x.Normal.Contains('.', StringComparison.Ordinal))
            && !np[^1].Text.Any(char.IsUpper) && !lexicon.IsActor(np) && !lexicon.StackNames.Concat(lexicon.ProductNames).Any(p => p.Equals(np[^1].Text, StringComparison.OrdinalIgnoreCase)))
        {
            things.Add(UseCaseReader.Head(np));
        }
    }

    /// <summary>The implied action of a feature noun phrase: its last two words ("push notification"), else its head, in the singular.</summary>
    internal static ImpliedAction? Implied(List<Token> np, ReadingLexicon lexicon)
    {
        var words = np.Where(x => !IsMeasure(x) && !x.Is("Determiner")).Select(x => x.Normal).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var head = Inflection.Singular(words[^1]);
        var pair = words.Count > 1 ? $"{words[^2]} {head}" : null;
        return pair is not null && lexicon.ImpliedActions.TryGetValue(pair, out var two) ? two
            : lexicon.ImpliedActions.TryGetValue(head, out var one) ? one : null;
    }

    private static bool IsMeasure(Token x) => x.Is("Value") || x.Text.Any(char.IsDigit);

    private static int SkipDeterminers(List<Token> t, int i)
    {
        while (i < t.Count && (t[i].Is("Determiner") || t[i].Normal is "their" or "its" or "our" or "your" or "his" or "her" or "all" or "every" or "each" or "any"))
        {
            i++;
        }

        return i;
    }

    /// <summary>The verb a noun names: listed in the lexicon ("selection" → select), or a gerund of an action verb ("sharing" → share).</summary>
    internal static string? Nominalised(Token head, ReadingLexicon lexicon)
    {
        if (lexicon.Nominalisations.TryGetValue(head.Normal, out var verb) || lexicon.Nominalisations.TryGetValue(Inflection.Singular(head.Normal), out verb))
        {
            return verb;
        }

        if (head.Normal.EndsWith("ing", StringComparison.Ordinal) && !head.Is("Plural"))
        {
            var stem = head.Normal[..^3];
            foreach (var candidate in new[] { stem, stem + "e", stem.Length > 2 && stem[^1] == stem[^2] ? stem[..^1] : stem })
            {
                if (lexicon.ActionVerbs.Contains(candidate))
                {
                    return candidate;
                }
            }
        }

        return !head.Is("Plural") && lexicon.ActionVerbs.Contains(head.Normal) && lexicon.OperationKind(head.Normal) is "search" ? head.Normal : null;
    }

    private static List<Token>? RoleIn(List<Token> t, int from, ReadingLexicon lexicon)
    {
        // "seat selection … while the fan pays": a role named in the item is its actor.
        for (var j = from; j < t.Count; j++)
        {
            if (t[j].Is("Noun") && !t[j].Is("Pronoun") && (lexicon.ActorNouns.Contains(t[j].Lemma) || lexicon.ActorNouns.Contains(t[j].Normal)) && !lexicon.NotActors.Contains(t[j].Lemma))
            {
                return [t[j]];
            }
        }

        return null;
    }

    private static void Add(List<UseCaseReader.Found> found, AnnotatedSentence sentence, string actor, string action, List<Token> obj, string? actorHead)
    {
        var useCase = new UseCase { Actor = actor, Action = action, Object = UseCaseReader.Phrase(obj), Text = sentence.Text };
        found.Add(new UseCaseReader.Found(useCase, actor == "System" ? null : actorHead, UseCaseReader.Head(obj), actor == "System"));
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
