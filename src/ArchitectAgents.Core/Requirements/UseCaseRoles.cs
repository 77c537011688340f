namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// The brief-level part of the use-case reader: lines the tagger ran together, the role that owns a list
/// ("Members can:"), and the brief's main role, which features stated without a subject belong to.
/// </summary>
public static partial class UseCaseReader
{
    private static IEnumerable<AnnotatedSentence> ByLine(AnnotatedSentence sentence)
    {
        // The tagger may run a list item into the next line when the item has no full stop; each line is read on its own.
        if (!sentence.Tokens.Take(sentence.Tokens.Count - 1).Any(x => x.Post.Contains('\n', StringComparison.Ordinal)))
        {
            yield return sentence;
            yield break;
        }

        var part = new List<Token>();
        foreach (var x in sentence.Tokens)
        {
            part.Add(x);
            if (x.Post.Contains('\n', StringComparison.Ordinal))
            {
                yield return new AnnotatedSentence(string.Concat(part.Select(p => p.Pre + p.Text + p.Post)).Trim(), part);
                part = [];
            }
        }

        if (part.Count > 0)
        {
            yield return new AnnotatedSentence(string.Concat(part.Select(p => p.Pre + p.Text + p.Post)).Trim(), part);
        }
    }

    private static Found Owned(Found f, string owner)
    {
        f.UseCase.Actor = owner;
        return f with { ActorHead = owner.Split(' ')[^1].ToLowerInvariant() };
    }

    private static string? ListOwner(IReadOnlyList<Token> t, ReadingLexicon lexicon)
    {
        // A role and a modal and nothing else ("Members can", "Advisors should be able to", "Guests want to"): the role that owns the list that follows.
        var np = NounPhraseAt([.. t], t.Count > 0 && t[0].Is("Determiner") ? 1 : 0);
        var rest = t.Skip((t.Count > 0 && t[0].Is("Determiner") ? 1 : 0) + np.Count).ToList();
        return np.Count > 0 && rest.Count is > 0 and <= 5 && lexicon.IsActor(np) && !lexicon.FirstPerson.Contains(np[^1].Normal) && !np.Any(x => x.Is("Pronoun"))
            && rest.All(x => x.Is("Modal") || x.Normal is "can" or "should" or "must" or "will" or "be" or "able" or "to" or "need" or "needs" or "want" or "wants" or "also")
            ? Capitalise(Phrase(np)) : null;
    }

    private static bool ServedRole(string objectHead, ReadingLexicon lexicon, IReadOnlyCollection<string> builders)
    {
        var head = Inflection.Singular(objectHead.Split(' ')[^1].ToLowerInvariant());
        return lexicon.ActorNouns.Contains(head) && !lexicon.SystemActorHeads.Contains(head) && !lexicon.NotActors.Contains(head) && !lexicon.GenericNouns.Contains(head)
            && !builders.Any(b => b.StartsWith(head, StringComparison.OrdinalIgnoreCase));
    }

    private static (string Role, string Head) MainRole(List<Found> found, IReadOnlyList<AnnotatedSentence> sentences, ReadingLexicon lexicon, IReadOnlyCollection<string> builders)
    {
        // The person role with the most use cases (two at least); else the role noun the brief names most as a head (earliest first,
        // not the team that builds it); else "Users".
        var byUseCases = found.Where(f => !f.ActorOnly && !f.ActorIsSystem && f.ActorHead is not null && f.UseCase.Actor != FeatureItemReader.MainRole && !lexicon.SystemActorHeads.Contains(f.ActorHead.Split(' ')[^1]))
            .GroupBy(f => f.UseCase.Actor, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).FirstOrDefault();

        // One use case is too little to make a role the brief's main one ("Legal must be able to put any channel on hold").
        if (byUseCases is not null && byUseCases.Count() >= 2)
        {
            // "the maître d' seats customers and marks no-shows": staff who act on people serve them; the features the
            // brief lists without a role ("a waitlist, a deposit") are those people's.
            var served = byUseCases.Select(f => f.ObjectHead).FirstOrDefault(o => o is not null && ServedRole(o, lexicon, builders));
            return served is not null ? (Capitalise(Inflection.Plural(served)), served) : (byUseCases.First().UseCase.Actor, byUseCases.First().ActorHead!);
        }

        // A role that acts in the brief counts as a role noun even when the word list does not know it ("climbers book sessions").
        var acting = found.Where(f => !f.ActorIsSystem && f.ActorHead is not null && f.UseCase.Actor != FeatureItemReader.MainRole)
            .Select(f => Inflection.Singular(f.ActorHead!.Split(' ')[^1].ToLowerInvariant())).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var heads = sentences.SelectMany(s => s.Tokens.Select((t, i) => (t, Next: i + 1 < s.Tokens.Count ? s.Tokens[i + 1] : null)))
            .Where(x => x.t.Is("Noun") && !x.t.Is("Pronoun") && (x.Next is null || x.t.Breaks || !x.Next.Is("Noun")))
            .Select(x => Inflection.Singular(x.t.Normal))
            .Where(l => (lexicon.ActorNouns.Contains(l) || acting.Contains(l)) && !lexicon.SystemActorHeads.Contains(l) && !lexicon.NotActors.Contains(l) && !lexicon.GenericNouns.Contains(l) && !builders.Any(b => b.StartsWith(l, StringComparison.OrdinalIgnoreCase)))
            .Select((l, i) => (l, i)).GroupBy(x => x.l).OrderByDescending(g => g.Count()).ThenBy(g => g.First().i).FirstOrDefault();
        return heads is not null ? (Capitalise(Inflection.Plural(heads.Key)), heads.Key) : ("Users", "user");
    }
}
