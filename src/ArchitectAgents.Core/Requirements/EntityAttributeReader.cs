namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// What the brief says a thing has: "a section has a seat cap, prerequisites and time-clash rules", "each booking
/// includes a deposit". The items after a verb of having, up to the clause's end, are the thing's attributes; a
/// plural item is a collection the thing owns, which the system keeps as a thing of its own.
/// </summary>
public static class EntityAttributeReader
{
    private static readonly HashSet<string> HavingVerbs = new(StringComparer.OrdinalIgnoreCase) { "has", "have", "holds", "includes", "include", "contains", "contain", "carries", "carry", "stores" };

    /// <summary>For each sentence that says "(a|each|every|the) X has …", the items it lists, with whether each is plural.</summary>
    public static List<(string Owner, string Item, bool Plural, string Text)> Read(IReadOnlyList<AnnotatedSentence> sentences, ReadingLexicon lexicon)
    {
        var result = new List<(string, string, bool, string)>();
        foreach (var sentence in sentences)
        {
            var t = sentence.Tokens;
            for (var i = 1; i < t.Count - 1; i++)
            {
                if (!HavingVerbs.Contains(t[i].Normal) || !t[i - 1].Is("Noun") || t[i - 1].Is("Pronoun") || t[i - 1].Breaks || t[i].Is("Auxiliary") && i + 1 < t.Count && t[i + 1].Is("Verb"))
                {
                    continue;
                }

                // The owner is the noun phrase right before the verb, opened by an article or quantifier.
                var start = i - 1;
                while (start > 0 && (t[start - 1].Is("Noun") || t[start - 1].Is("Adjective")) && !t[start - 1].Breaks)
                {
                    start--;
                }

                if (start == 0 || t[start - 1].Normal is not ("a" or "an" or "each" or "every" or "the" or "any") || lexicon.IsActor([t[i - 1]]) || lexicon.FirstPerson.Contains(t[i - 1].Normal))
                {
                    continue;
                }

                var owner = UseCaseReader.Head([.. t.Skip(start).Take(i - start)]);
                var j = i + 1;
                while (j < t.Count)
                {
                    while (j < t.Count && (t[j].Is("Determiner") || t[j].Normal is "and" or "or" or "plus" or "its" or "their" || t[j].Is("Value")))
                    {
                        j++;
                    }

                    var np = UseCaseReader.NounPhraseAt([.. t], j, asObject: true);
                    if (np.Count == 0)
                    {
                        break;
                    }

                    result.Add((owner, UseCaseReader.Phrase(np), np[^1].Is("Plural"), sentence.Text));
                    j += np.Count;
                    if (np[^1].Post.IndexOfAny([';', '.', ':']) >= 0 || j < t.Count && t[j].Normal is not ("and" or "or" or "plus") && !np[^1].Post.Contains(',', StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }
        }

        return result;
    }
}
