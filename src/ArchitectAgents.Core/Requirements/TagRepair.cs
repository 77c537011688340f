namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Repairs the tagger's common misreadings in requirement prose before use cases are read, using the lexicon's role
/// nouns and action verbs: role nouns tagged as verbs or adjectives before their verb ("counter staff check", "home
/// cooks post recipes", "students can join"), action verbs tagged as nouns after a role subject or in a chain
/// ("students browse sections", "review it and raise queries"), words with inner capitals tagged as verbs ("OData"),
/// a verb-tagged word after a determiner ("in that time"), an adjective-tagged participle after "is"
/// ("the hold is released"), and a feature noun standing alone as a list item that was read as an adjective ("waitlist").
/// </summary>
public static class TagRepair
{
    private static readonly HashSet<string> NounTags = new(["Noun", "Singular"], StringComparer.Ordinal);
    private static readonly HashSet<string> PluralTags = new(["Noun", "Plural"], StringComparer.Ordinal);
    private static readonly HashSet<string> VerbTags = new(["Verb", "PresentTense", "Infinitive"], StringComparer.Ordinal);
    private static readonly HashSet<string> ParticipleTags = new(["Verb", "PastTense", "Participle"], StringComparer.Ordinal);

    /// <summary>The clause's tokens with the repairs applied.</summary>
    public static List<Token> Repair(List<Token> t, ReadingLexicon lexicon)
    {
        var r = new List<Token>(t);
        if (r.Count > 1 && r[0].Is("Adjective") && char.IsUpper(r[0].Text[0]) && (r[1].Is("Modal") || r[1].Is("Verb")))
        {
            // "Legal must be able to …": a capitalised word opening the clause before its verb is a noun.
            r[0] = r[0] with { Tags = NounTags };
        }

        for (var i = 0; i + 1 < r.Count; i++)
        {
            // "maître d'hôtel": the tagger splits an elided word into a determiner and an empty word; it is one noun.
            if (r[i].Post == "-" && r[i + 1].Is("Noun") && (r[i].Tags.Count == 0 || r[i].Is("Negative") || r[i].Is("Determiner")))
            {
                // "no-shows": the first half of a hyphenated noun is part of it.
                r[i] = r[i] with { Tags = NounTags };
            }

            if (r[i].Text.Length > 2 && r[i].Text.IndexOfAny(['\'', '’']) is > 0 and var at && at < r[i].Text.Length - 1 && r[i].Is("Determiner") && r[i + 1].Text.Length == 0)
            {
                r[i] = r[i] with { Post = r[i + 1].Post, Tags = NounTags };
                r.RemoveAt(i + 1);
            }
        }

        for (var i = 0; i < r.Count; i++)
        {
            var x = r[i];
            if (i > 0 && i + 1 < r.Count && x.Is("Adjective") && char.IsUpper(x.Text[0]) && r[i + 1].Is("Modal") && (r[i - 1].Breaks || r[i - 1].Is("Conjunction")))
            {
                // "… and Legal must be able to …": a capitalised word opening a coordinated clause before its modal is a noun.
                r[i] = x with { Tags = NounTags };
            }
            else if (i > 0 && x.Is("Verb") && r[i - 1].Normal is "&" or "+")
            {
                // "Bramble & Co.": after an ampersand a word is part of a name.
                r[i] = x with { Tags = NounTags };
            }
            else if (x.Is("Verb") && !x.Is("Modal") && !x.Is("Copula") && !x.Is("Auxiliary") && (x.Text.Skip(1).Any(char.IsUpper) || x.Is("Acronym")))
            {
                // "OData", "eCRFs": a word with inner capitals is a name, not a verb.
                r[i] = x with { Tags = NounTags };
            }
            else if (i > 0 && x.Is("Verb") && !x.Is("Noun") && !x.Is("Modal") && !x.Is("Copula") && !x.Is("Auxiliary") && r[i - 1].Is("Determiner") && r[i - 1].Normal is not ("that" or "which") && !r[i - 1].Breaks)
            {
                // "the time", "a hold": after an article a verb-tagged word is a noun.
                r[i] = x with { Tags = NounTags };
            }
            else if (IsPluralReadAsVerb(r, i, lexicon))
            {
                // "1:1 and group channels, threads, presence"; "ticket limits enforced across accounts": a plural noun, not a verb.
                r[i] = x with { Lemma = Inflection.Singular(x.Normal), Tags = PluralTags };
            }
            else if (x.Is("Adjective") && x.Breaks && (i == 0 || r[i - 1].Breaks || r[i - 1].Normal is "and" or "or") && lexicon.ImpliedActions.ContainsKey(Inflection.Singular(x.Normal)))
            {
                // "tables combinable, waitlist, and a deposit": a list item that is one feature noun the tagger read as an adjective.
                r[i] = x with { Lemma = Inflection.Singular(x.Normal), Tags = NounTags };
            }
            else if (i > 0 && x.Is("Adjective") && x.Normal.EndsWith("ed", StringComparison.Ordinal) && r[i - 1].Is("Copula") && Base(x.Normal, lexicon) is { } verb)
            {
                // "is released": a participle the tagger read as an adjective.
                r[i] = x with { Lemma = verb, Tags = ParticipleTags };
            }
        }

        for (var i = 0; i < r.Count - 1; i++)
        {
            // A role noun the tagger read as a verb or adjective, directly before a verb or modal: "staff check", "students can".
            var x = r[i];
            var next = r[i + 1];
            var singular = Inflection.Singular(x.Normal);
            var nextIsVerb = next.Is("Modal") || next.Is("Verb") && !next.Is("Copula") || IsActionNoun(next, lexicon) || IsActionAdverb(r, i + 1, lexicon);
            if (!x.Is("Noun") && (x.Is("Verb") || x.Is("Adjective")) && !x.Is("Modal") && !x.Is("Copula") && !x.Is("Auxiliary") && !x.Breaks && nextIsVerb
                && (lexicon.ActorNouns.Contains(x.Normal) || lexicon.ActorNouns.Contains(singular)))
            {
                r[i] = x with { Lemma = singular, Tags = x.Normal == singular ? NounTags : PluralTags };
                if (i > 0 && r[i - 1].Is("Verb") && !r[i - 1].Is("Noun") && !r[i - 1].Breaks && (i < 2 || !r[i - 2].Is("Noun") || r[i - 2].Breaks))
                {
                    // "counter staff": the verb-tagged word before the role is its modifier.
                    r[i - 1] = r[i - 1] with { Tags = NounTags };
                }
            }
        }

        for (var i = 1; i < r.Count - 1; i++)
        {
            var x = r[i];
            var verbForm = x.Is("Plural") && r[i + 1].Is("Determiner") ? x.Lemma : x.Normal;
            var takesObject = r[i + 1].Is("Noun") || r[i + 1].Is("Determiner") || r[i + 1].Is("Adjective") || r[i + 1].Is("Pronoun");
            var isAction = lexicon.ActionVerbs.Contains(verbForm) || lexicon.SystemVerbs.Contains(verbForm);
            if (IsActionAdverb(r, i, lexicon) && r[i - 1].Is("Noun") && !r[i - 1].Breaks && lexicon.IsActor([r[i - 1]]))
            {
                // "the assistants close the appointments": an action verb the tagger read as an adverb after a role.
                r[i] = x with { Lemma = x.Normal, Tags = VerbTags };
                continue;
            }

            if (!x.Is("Noun") || x.Is("Verb") || !isAction || x.Is("Plural") && verbForm == x.Normal)
            {
                continue;
            }

            // "students browse sections", "home cooks post recipes": after a role subject an action verb is a verb.
            var afterRole = r[i - 1].Is("Noun") && !r[i - 1].Breaks && lexicon.IsActor([r[i - 1]]) && takesObject && !(i >= 2 && r[i - 2].Is("Value"));

            // "review it and raise queries": after "and" following an earlier verb's object, a singular action verb before its object is a verb.
            var inChain = r[i - 1].Normal is "and" or "then" && !x.Is("Plural") && i >= 2 && (r[i - 2].Is("Noun") || r[i - 2].Is("Pronoun"))
                && r.Take(i - 1).Any(p => p.Is("Verb") && !p.Is("Noun") && !p.Is("Copula") && !p.Is("Modal") && !p.Is("Auxiliary"))
                && (r[i + 1].Is("Plural") || r[i + 1].Is("Determiner") || r[i + 1].Is("Pronoun") || r[i + 1].Normal is "to" or "into" or "for");
            if (afterRole || inChain)
            {
                r[i] = x with { Lemma = verbForm, Tags = VerbTags };
            }
        }

        return r;
    }

    private static bool IsPluralReadAsVerb(List<Token> r, int i, ReadingLexicon lexicon)
    {
        var x = r[i];
        if (!x.Is("Verb") || !x.Is("PresentTense") || x.Is("Infinitive") || x.Is("Modal") || x.Is("Copula") || x.Is("Auxiliary") || !x.Normal.EndsWith('s') || x.Normal.EndsWith("ss", StringComparison.Ordinal) || i == 0)
        {
            return false;
        }

        var prev = r[i - 1];
        var endsItem = x.Breaks || i + 1 == r.Count || r[i + 1].Is("Value") || r[i + 1].Is("PastTense") && r[i + 1].Is("Verb");

        // "members publish notices about plots": right after an action verb, a present-tense "-s" word is its object.
        var objectOfVerb = prev.Is("Verb") && !prev.Is("Noun") && !prev.Is("Modal") && !prev.Is("Copula") && !prev.Is("Auxiliary") && !prev.Breaks
            && lexicon.ActionVerbs.Contains(prev.Lemma);

        // After a list break or a conjunction, or after a noun that cannot act ("group channels"), a plural that ends its item is a noun.
        return objectOfVerb || endsItem && (prev.Breaks || prev.Is("Conjunction") || prev.Is("Noun") && !prev.Is("Pronoun") && !lexicon.IsActor([prev]));
    }

    private static bool IsActionAdverb(List<Token> r, int i, ReadingLexicon lexicon) =>
        r[i].Is("Adverb") && lexicon.ActionVerbs.Contains(r[i].Normal) && i + 1 < r.Count && r[i + 1].Is("Determiner");

    private static bool IsActionNoun(Token x, ReadingLexicon lexicon) =>
        x.Is("Noun") && !x.Is("Plural") && lexicon.ActionVerbs.Contains(x.Normal);

    /// <summary>The verb a regular "-ed" participle comes from, when the lexicon knows it ("released" → "release").</summary>
    private static string? Base(string participle, ReadingLexicon lexicon)
    {
        var stem = participle[..^2];
        foreach (var candidate in new[] { stem, stem + "e", stem.Length > 2 && stem[^1] == stem[^2] ? stem[..^1] : stem, stem.EndsWith('i') ? stem[..^1] + "y" : stem })
        {
            if (lexicon.SystemVerbs.Contains(candidate) || lexicon.TransitionVerbs.Contains(candidate) || lexicon.ActionVerbs.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
