using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Use cases a brief states through what someone receives or asks for rather than through what they do: a role told
/// of an event ("partners … want to … and be told when their orders ship", "customers are notified of delays") is
/// notified of that event — the system's work, by a message or a webhook, never an operation the role calls; a role
/// that wants or gets a feature ("creators want download stats", "nurses get a mobile push") does what the feature
/// implies (view the stats, receive the push), from the same feature words as a feature list; and a product the
/// brief asks for that is named by an action ("we want our own booking module") is that action by its users.
/// </summary>
internal static class UseCaseNotifications
{
    private static readonly HashSet<string> EventOpeners = new(StringComparer.OrdinalIgnoreCase) { "when", "whenever", "once", "if", "of", "about", "as" };

    private static readonly HashSet<string> SkippedDeterminers = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "their", "its", "our", "his", "her", "any", "every", "each", "new" };

    /// <summary>Reads "be/get told when …" after a subject of the clause: the nearest subject before it that is a role.</summary>
    public static void Read(AnnotatedSentence sentence, List<Token> t, List<(int At, List<Token> Subject)> subjects, ReadingLexicon lexicon, List<UseCaseReader.Found> found)
    {
        for (var p = 0; p + 1 < t.Count; p++)
        {
            if (t[p].Normal is not ("be" or "get" or "being") || t[p].Breaks || !lexicon.NotifyVerbs.Contains(t[p + 1].Lemma) || p > 0 && t[p - 1].Is("Negative"))
            {
                continue;
            }

            if (subjects.LastOrDefault(s => s.At < p).Subject is { } subject && Event(t, p + 2, lexicon) is { } evt)
            {
                AddNotified(found, subject, evt, sentence, lexicon);
            }
        }

        // "Customers are notified when their table is ready": the subject itself is told.
        foreach (var (at, subject) in subjects)
        {
            var v = at + subject.Count;
            while (v < t.Count && (t[v].Is("Copula") || t[v].Is("Modal") || t[v].Is("Adverb") || t[v].Normal is "be" or "get" or "gets" or "are" or "is" or "will"))
            {
                v++;
            }

            if (v > at + subject.Count && v < t.Count && lexicon.NotifyVerbs.Contains(t[v].Lemma) && !t.Skip(at).Take(v - at).Any(x => x.Is("Negative") || x.Normal is "not" or "never")
                && Event(t, v + 1, lexicon) is { } evt)
            {
                AddNotified(found, subject, evt, sentence, lexicon);
            }
        }
    }

    /// <summary>
    /// The event after a notification verb: "when their orders ship" → order shipment (the thing and the noun of what
    /// happens to it), "of delays" → delay; an optional channel first ("by e-mail when …"). Null when none follows.
    /// </summary>
    public static (string Object, string Head)? Event(List<Token> t, int i, ReadingLexicon lexicon)
    {
        if (i < t.Count && t[i].Normal is "by" or "via" && !t[i].Breaks)
        {
            var channel = UseCaseReader.NounPhraseAt(t, i + 1);
            i += 1 + channel.Count;
        }

        if (i >= t.Count || !EventOpeners.Contains(t[i].Normal) || t[i].Normal == "as" && !(i + 2 < t.Count && t[i + 1].Normal == "soon" && t[i + 2].Normal == "as"))
        {
            return null;
        }

        i += t[i].Normal == "as" ? 3 : 1;
        while (i < t.Count && SkippedDeterminers.Contains(t[i].Normal))
        {
            i++;
        }

        var np = UseCaseReader.NounPhraseAt(t, i, asObject: true);
        if (np.Count == 0 || np.Any(x => x.Is("Pronoun")) || lexicon.IsActor(np) && np.Count == 1 && lexicon.FirstPerson.Contains(np[0].Normal))
        {
            return null;
        }

        var words = np.Select(x => x.Is("ProperNoun") || x.Is("Acronym") ? x.Text : x.Normal).ToList();
        words[^1] = Inflection.Singular(words[^1]);
        var head = UseCaseReader.Head(np);
        var v = i + np.Count;
        while (v < t.Count && (t[v].Is("Auxiliary") || t[v].Is("Modal") || t[v].Is("Adverb") || t[v].Is("Copula") && v + 1 < t.Count && t[v + 1].Is("Verb")))
        {
            v++;
        }

        // "their orders ship" → order shipment: what happens to the thing, named by the noun of its verb when the word lists have one.
        if (v < t.Count && t[v].Is("Verb") && !t[v].Is("Copula") && !np[^1].Breaks && lexicon.Nominalisations.FirstOrDefault(n => n.Value.Equals(t[v].Lemma, StringComparison.OrdinalIgnoreCase)).Key is { } noun)
        {
            words.Add(noun);
        }

        return (string.Join(' ', words), head);
    }

    /// <summary>
    /// What the users of a product the brief asks for do ("we want our own booking module", "nous voulons notre propre
    /// module de réservation" → book, making a booking): the action its name is made of, and the record it leaves.
    /// Null unless the object is a product noun ("module", "system", "app") named by an action.
    /// </summary>
    public static (string Action, string Object)? Wanted(List<Token> t, int k, ReadingLexicon lexicon)
    {
        while (k < t.Count && (SkippedDeterminers.Contains(t[k].Normal) || t[k].Normal is "own" or "custom"))
        {
            k++;
        }

        var np = UseCaseReader.NounPhraseAt(t, k, asObject: true);
        if (np.Count == 0 || !lexicon.ProductNouns.Contains(Inflection.Singular(np[^1].Normal)))
        {
            return null;
        }

        // "booking module": the action is a modifier; "module of reservation" (a gloss keeps the source's order): it follows "of".
        var named = np.Take(np.Count - 1).Select(x => x.Normal).LastOrDefault(lexicon.Nominalisations.ContainsKey);
        var after = k + np.Count;
        if (named is null && after + 1 < t.Count && t[after].Normal == "of" && !np[^1].Breaks && lexicon.Nominalisations.ContainsKey(t[after + 1].Normal))
        {
            named = t[after + 1].Normal;
        }

        if (named is null || lexicon.Nominalisations[named] is not { } verb || lexicon.OperationKind(verb) != "create" || lexicon.RecordOf(verb) is null)
        {
            return null;
        }

        return (verb, lexicon.RecordOf(verb)!);
    }

    /// <summary>The feature a role wants or gets ("download stats", "a mobile push") and what the feature implies it does; null for anything else.</summary>
    public static (string Action, string Object)? Received(List<Token> t, int k, ReadingLexicon lexicon)
    {
        while (k < t.Count && SkippedDeterminers.Contains(t[k].Normal))
        {
            k++;
        }

        var np = UseCaseReader.NounPhraseAt(t, k, asObject: true);
        if (np.Count == 0 || np.Any(x => x.Is("Pronoun") || x.Is("ProperNoun") || x.Is("Acronym") || x.Is("Value")) || lexicon.IsActor(np)
            || FeatureItemReader.Implied(np, lexicon) is not { } implied)
        {
            return null;
        }

        return (implied.Action, implied.ActsOn ?? Inflection.Singular(UseCaseReader.Phrase(np)));
    }

    // A role (not "we") told of the event, once: both forms may read the same words ("will be notified").
    private static void AddNotified(List<UseCaseReader.Found> found, List<Token> subject, (string Object, string Head) evt, AnnotatedSentence sentence, ReadingLexicon lexicon)
    {
        if (!lexicon.IsActor(subject) || subject.Count == 1 && lexicon.FirstPerson.Contains(subject[0].Normal))
        {
            return;
        }

        var actor = UseCaseReader.Capitalise(UseCaseReader.Phrase(subject));
        if (!found.Any(f => f.UseCase.Actor == actor && f.UseCase.Action == ReadingLexicon.NotifiedAction && f.UseCase.Object == evt.Object))
        {
            found.Add(new UseCaseReader.Found(new UseCase { Actor = actor, Action = ReadingLexicon.NotifiedAction, Object = evt.Object, Text = sentence.Text }, UseCaseReader.Head(subject), evt.Head, false));
        }
    }
}
