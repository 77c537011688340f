namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// The clause-shape tests of the use-case reader: where a clause or a chained verb starts, what sits between a
/// subject and its verb (modal phrases, describing and relative clauses), and what follows an object (a companion
/// thing, a counted volume).
/// </summary>
public static partial class UseCaseReader
{
    private static bool StartsClause(List<Token> t, int i)
    {
        // A noun or pronoun followed by its verb starts a new clause ("…, we transcode it"), as does a noun phrase
        // after a comma followed by its verb ("…, other users save, rate and comment on them").
        if (IsNounLike(t[i]) && i + 1 < t.Count && IsBaseVerb(t[i + 1]) && !t[i + 1].Is("Noun") && (t[i].Is("Pronoun") || t[i - 1 < 0 ? 0 : i - 1].Breaks))
        {
            return true;
        }

        if (i == 0 || !t[i - 1].Breaks || !(t[i].Is("Adjective") || t[i].Is("Determiner") || IsNounLike(t[i])))
        {
            return false;
        }

        var np = NounPhraseAt(t, t[i].Is("Determiner") ? i + 1 : i);
        var end = (t[i].Is("Determiner") ? i + 1 : i) + np.Count;
        return np.Count > 0 && !np[^1].Breaks && end < t.Count && IsBaseVerb(t[end]) && !t[end].Is("Noun") && !t[end].Is("Modal");
    }

    private static bool IsVerbTaggedNoun(List<Token> t, int j, ReadingLexicon lexicon) =>
        // In a chain of verbs the tagger may call one a noun ("…, request money, split bills and …").
        t[j].Is("Noun") && !t[j].Is("Plural") && lexicon.ActionVerbs.Contains(t[j].Normal) && j + 1 < t.Count && (t[j + 1].Is("Noun") || t[j + 1].Is("Determiner") || t[j + 1].Is("Adjective"));

    private static bool IsVerbInList(List<Token> t, int j, ReadingLexicon lexicon) =>
        // A bare singular action word followed by a comma or "and"/"or" and then another verb.
        t[j].Is("Noun") && !t[j].Is("Plural") && lexicon.ActionVerbs.Contains(t[j].Normal) && j + 1 < t.Count
            && (t[j].Breaks || t[j + 1].Normal is "and" or "or")
            && (t[j].Breaks && (IsBaseVerb(t[j + 1]) || lexicon.ActionVerbs.Contains(t[j + 1].Normal)) || t[j + 1].Normal is "and" or "or" && j + 2 < t.Count && (IsBaseVerb(t[j + 2]) || lexicon.ActionVerbs.Contains(t[j + 2].Normal)));

    private static bool IsVolume(List<Token> t, int from, int to)
    {
        // "ships about 1,5 Mio order lines a year": a count of things over a period states volume, not a use case.
        for (var j = from; j < Math.Min(to, t.Count); j++)
        {
            if (t[j].Is("Value"))
            {
                var approximate = j > 0 && (t[j - 1].Normal is "about" or "around" or "roughly" or "approximately" or "some" or "over" or "nearly" or "almost" || t[j].Text.StartsWith('~'));
                var perPeriod = t.Skip(to).Take(3).Any(x => x.Is("Date") || x.Normal is "per" or "daily" or "monthly" or "yearly");
                return approximate || perPeriod;
            }
        }

        return false;
    }

    private static bool IsNounCoordination(List<Token> t, int i) =>
        // "to a phone number or IBAN", "two MP3 bitrates plus AAC": a conjunction between nouns inside the object's phrase.
        i > 0 && i + 1 < t.Count && t[i].Normal is "or" or "and" or "plus" or "&" && IsNounLike(t[i - 1]) && !t[i - 1].Breaks && IsNounLike(t[i + 1]) && !IsBaseVerb(t[i + 1])
            && !(i + 2 < t.Count && t[i + 2].Is("Verb") && !t[i + 2].Is("Noun") && !t[i + 1].Breaks);

    private static bool IsNounPhraseSubjectAhead(List<Token> t, int j) =>
        // "and HR exports": a noun then a verb starts a new subject, not a coordinated verb.
        t[j].Is("Noun") && j + 1 < t.Count && t[j + 1].Is("Verb") && !t[j + 1].Is("Noun");

    private static (int Index, bool Passive) VerbAfter(List<Token> t, int j, ReadingLexicon lexicon)
    {
        var k = j;
        var sawModal = false;
        var sawBe = false;
        while (k < t.Count && (ModalPhraseLength(t, k) > 0 || t[k].Is("Adverb") || t[k].Is("Modal") || t[k].Is("Auxiliary") || t[k].Is("Copula") || t[k].Normal is "also" or "all" or "both" or "to" or "able" or "can" or "must" or "should" or "will" or "then"))
        {
            if (ModalPhraseLength(t, k) is > 0 and var length)
            {
                // "must be able to V", "needs to V", "has to V": the phrase works as a modal.
                if (t[k - (k > j ? 1 : 0)].Breaks && k > j)
                {
                    return (-1, false);
                }

                sawModal = true;
                k += length;
                continue;
            }

            sawModal |= t[k].Is("Modal") || t[k].Normal is "can" or "must" or "should" or "will";
            sawBe |= t[k].Is("Copula") || t[k].Normal is "is" or "are" or "be" or "get" or "gets";
            if (t[k - (k > j ? 1 : 0)].Breaks && k > j)
            {
                return (-1, false);
            }

            k++;
        }

        if (k >= t.Count || (k > 0 && t[k - 1].Breaks && k - 1 >= j && k - 1 < t.Count && k != j))
        {
            return (-1, false);
        }

        var v = t[k];
        if (sawBe && (v.Is("PastTense") || v.Is("Participle")) && v.Is("Verb"))
        {
            return (k, true);
        }

        if (v.Is("Verb") && !v.Is("Gerund") && !v.Is("Copula") && (!v.Is("Noun") || sawModal) && !(v.Is("PastTense") && !sawModal))
        {
            return (k, false);
        }

        return (-1, false);
    }

    private static string? Companion(List<Token> t, int after, ReadingLexicon lexicon)
    {
        // "with photos", "to a cart", "into eCRFs", "between rooms": a common thing right after the object, not a role, name, time or amount.
        if (after + 1 >= t.Count || t[after].Normal is not ("with" or "into" or "to" or "between" or "onto") || t[after - 1].Breaks)
        {
            return null;
        }

        var at = after + 1;
        while (at < t.Count && (t[at].Is("Determiner") || t[at].Normal is "their" or "its" or "our" or "his" or "her" or "your"))
        {
            at++;
        }

        var np = NounPhraseAt(t, at, asObject: true);
        return np.Count == 0 || np.Any(x => x.Is("Value") || x.Is("Date") || x.Is("Pronoun") || x.Is("Place")) || lexicon.IsActor(np) || np.All(x => x.Is("ProperNoun") && !x.Is("Acronym"))
            || lexicon.GenericNouns.Contains(np[^1].Lemma) ? null : Head(np);
    }

    private static int SkipDescribingClause(List<Token> t, int j)
    {
        // "who/that + is/are(n't) + a noun phrase or adjective": the index after it, when a verb follows; else -1.
        if (j + 2 >= t.Count || t[j].Normal is not ("who" or "that" or "which") || t[j - 1].Breaks || !t[j + 1].Is("Copula"))
        {
            return -1;
        }

        var k = j + 2;
        while (k < t.Count && k < j + 8 && (t[k].Is("Negative") || t[k].Text.Length == 0 || t[k].Is("Determiner") || t[k].Is("Adjective") || t[k].Is("Adverb") || IsNounLike(t[k]) && !t[k].Is("Verb")) && !t[k].Breaks)
        {
            k++;
        }

        return k > j + 2 && k < t.Count && t[k].Is("Verb") && !t[k].Is("Copula") && !t[k - 1].Breaks ? k : -1;
    }

    private static int RelativeVerb(List<Token> t, int j, ReadingLexicon lexicon)
    {
        // "… that/which/who V": the index of V, when it is an action and not negated.
        if (j < 1 || j + 1 >= t.Count || t[j].Normal is not ("that" or "which" or "who") || t[j - 1].Breaks)
        {
            return -1;
        }

        var v = j + 1;
        while (v < t.Count && (t[v].Is("Adverb") || t[v].Is("Modal")) && !t[v].Is("Negative"))
        {
            v++;
        }

        return v < t.Count && t[v].Is("Verb") && !t[v].Is("Copula") && !t[v].Is("Auxiliary") && !t[v].Is("PastTense") && !t[v].Is("Gerund") && !lexicon.StopVerbs.Contains(t[v].Lemma) ? v : -1;
    }

    private static int ModalPhraseLength(List<Token> t, int k)
    {
        if (k + 2 < t.Count && t[k].Lemma is "be" or "is" or "are" && t[k + 1].Normal == "able" && t[k + 2].Normal == "to")
        {
            return 3;
        }

        return k + 1 < t.Count && t[k].Lemma is "need" or "have" or "has" or "needs" && t[k + 1].Normal == "to" && !t[k].Breaks ? 2 : 0;
    }

    private static int InnerVerb(List<Token> t, int k, ReadingLexicon lexicon)
    {
        // Look ahead a few tokens for "to V" (skipping "be able").
        for (var j = k; j < Math.Min(t.Count, k + 9); j++)
        {
            if (t[j].Normal == "to" && j + 1 < t.Count)
            {
                var n = j + 1;
                if (t[n].Normal == "be" && n + 2 < t.Count && t[n + 1].Normal == "able" && t[n + 2].Normal == "to")
                {
                    n += 3;
                }

                if (n < t.Count && t[n].Is("Verb") && !lexicon.StopVerbs.Contains(t[n].Lemma))
                {
                    return n;
                }
            }

            if (t[j].Breaks)
            {
                break;
            }
        }

        return -1;
    }
}
