using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Which kept thing belongs to which, as the brief relates them: a thing named with a preposition before another
/// ("messages in a channel", "rooms at 2,600 hotels", "holds on seats", "payments for bookings", "members of a
/// team"), and what a thing is said to have ("a hotel has rooms": each room belongs to a hotel; "each order has a
/// courier": an order refers to one).
/// </summary>
public static class EntityRelationReader
{
    // Prepositions that put the first thing inside, on or under the second. "with", "from", "by" and "between" relate
    // things in too many ways (a room with a view, a transfer from an account) to read a parent from.
    private static readonly HashSet<string> OfParent = new(StringComparer.OrdinalIgnoreCase) { "in", "inside", "within", "on", "at", "of", "for", "to", "into", "per", "under" };

    // "for" and "to" often attach to the verb rather than the noun ("override caps for students", "send a transfer to
    // a friend"): the thing is related to the other, not necessarily kept inside it, so the reference is optional.
    private static readonly HashSet<string> OfReference = new(StringComparer.OrdinalIgnoreCase) { "for", "to" };

    /// <summary>Sets each entity's relations.</summary>
    public static void Read(List<DomainEntity> entities, IReadOnlyList<AnnotatedSentence> sentences, IReadOnlyList<(string Owner, string Item, bool Plural, string Text)> had)
    {
        var byHead = entities.GroupBy(e => e.Name.Split(' ')[^1]).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);

        void Relate(DomainEntity child, DomainEntity parent, string kind, string text)
        {
            // One relation per pair, the first read; never both ways round, never to itself.
            if (child == parent || child.Relations.Any(r => r.Target == parent.Name) || parent.Relations.Any(r => r.Target == child.Name))
            {
                return;
            }

            child.Relations.Add(new EntityRelation { Target = parent.Name, Kind = kind, Text = text });
        }

        foreach (var sentence in sentences)
        {
            var t = sentence.Tokens;
            for (var i = 0; i < t.Count - 2; i++)
            {
                if (Mentioned(t, i, byHead) is not { } child || t[i].Breaks || !t[i + 1].Is("Preposition") || !OfParent.Contains(t[i + 1].Normal))
                {
                    continue;
                }

                // The parent is the head of the noun phrase after the preposition: "a", "each", "2,600", "all-hands" skipped.
                var j = i + 2;
                // "one of our hotels", "each of the rooms": the partitive "of" is skipped too.
                while (j < t.Count - 1 && !t[j - 1].Breaks && (t[j].Is("Determiner") || t[j].Is("Value") || t[j].Is("Adjective") || t[j].Is("Possessive") || t[j].Normal is "its" or "their" or "our" or "your"
                    || t[j].Normal == "of" && (t[j - 1].Is("Value") || t[j - 1].Normal is "each" or "any" or "all" or "some" or "many" or "most" or "either")) && !t[j].Is("Noun"))
                {
                    j++;
                }

                while (j < t.Count - 1 && t[j].Is("Noun") && !t[j].Breaks && t[j + 1].Is("Noun"))
                {
                    j++;
                }

                if (j < t.Count && !t[j - 1].Breaks && Mentioned(t, j, byHead) is { } parent)
                {
                    Relate(child, parent, OfReference.Contains(t[i + 1].Normal) ? "refers to" : "belongs to", sentence.Text);
                }
            }
        }

        foreach (var (owner, item, plural, text) in had)
        {
            var parent = entities.FirstOrDefault(e => e.Name == owner);
            var lower = item.ToLowerInvariant();
            var thing = entities.FirstOrDefault(e => e.Name == Inflection.Singular(lower) || e.Name == lower);
            if (parent is null || thing is null)
            {
                continue;
            }

            if (plural)
            {
                Relate(thing, parent, "belongs to", text);
            }
            else
            {
                Relate(parent, thing, "refers to", text);
            }
        }
    }

    // The entity a noun names at this token: its head word, with the word before it for a two-word name.
    private static DomainEntity? Mentioned(IReadOnlyList<Token> t, int i, Dictionary<string, List<DomainEntity>> byHead)
    {
        // A noun, or a word tagged as a verb right after a verb ("post messages"): two verbs in a row are a verb and its object.
        if (!(t[i].Is("Noun") || t[i].Is("Verb") && i > 0 && t[i - 1].Is("Verb") && !t[i - 1].Breaks) || t[i].Is("Pronoun"))
        {
            return null;
        }

        var head = Inflection.Singular(t[i].Lemma.ToLowerInvariant());
        if (!byHead.TryGetValue(head, out var candidates) && !byHead.TryGetValue(Inflection.Singular(t[i].Normal), out candidates))
        {
            return null;
        }

        var before = i > 0 && !t[i - 1].Breaks ? t[i - 1].Normal : "";
        return candidates.FirstOrDefault(e => e.Name.Split(' ') is [var first, _] && first == before)
            ?? candidates.FirstOrDefault(e => !e.Name.Contains(' ', StringComparison.Ordinal));
    }
}
