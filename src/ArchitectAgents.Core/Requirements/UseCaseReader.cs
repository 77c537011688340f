using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Finds use cases in part-of-speech-tagged English sentences: a subject that acts (a role, an organisation or a
/// system) + a verb in its base form (with its particle) + the object noun phrase. Coordinated verbs share the
/// subject ("students browse sections, add them to a cart and register"), "X use Y to V Z" and "X want Y to be
/// able to V Z" give the inner verb, pronoun objects are resolved to the noun phrase they stand for, "we"
/// becomes System for things the brief asks the system to do, and a passive with a condition ("if payment
/// doesn't complete, the hold is released") becomes a System use case. The tags are repaired first
/// (<see cref="TagRepair"/>); features stated without a subject are read by <see cref="FeatureItemReader"/>.
/// </summary>
public static partial class UseCaseReader
{
    /// <summary>A use case, with the head nouns of its subject and object (for actors and entities).</summary>
    /// <param name="UseCase">The use case.</param>
    /// <param name="ActorHead">The head noun of its subject, or null for System.</param>
    /// <param name="ObjectHead">The head noun of its object.</param>
    /// <param name="ActorIsSystem">True for automated behaviour.</param>
    /// <param name="CompanionHead">The head of another thing the use case names: what the object is put with or into ("post recipes with photos", "add them to a cart"), or the thing that acts ("a waiting room that admits people").</param>
    /// <param name="ActorOnly">True when only the role is known to act ("guests book on our website"): an actor, no use case.</param>
    /// <param name="NamedBySubject">True when only a subject noun names the action ("availability searches outnumber …"): kept only if nothing else in the brief does that action.</param>
    public sealed record Found(UseCase UseCase, string? ActorHead, string? ObjectHead, bool ActorIsSystem, string? CompanionHead = null, bool ActorOnly = false, bool NamedBySubject = false);

    /// <summary>Reads every sentence; <paramref name="lexicon"/> holds the verb and role lists.</summary>
    /// <param name="sentences">The tagged sentences.</param>
    /// <param name="lexicon">The word lists.</param>
    /// <param name="listItems">The brief's list items as written: a sentence inside one may state a feature without a subject.</param>
    /// <param name="things">Receives the plain noun items of feature lists ("threads", "presence"): things the system keeps.</param>
    /// <param name="builders">Nouns the brief counts its own team in ("6 developers"): never the main role of a feature.</param>
    public static List<Found> Read(IReadOnlyList<AnnotatedSentence> sentences, ReadingLexicon lexicon, IReadOnlyCollection<string>? listItems = null, List<string>? things = null, IReadOnlyCollection<string>? builders = null)
    {
        var found = new List<Found>();
        string? lastObject = null;
        string? lastActor = null;

        // List items by their opening words: a sentence is (the start of) an item when an item opens with it. Looked up, not scanned, for huge briefs.
        static string Opening(string s) => s.Length > 12 ? s[..12] : s;
        var items = (listItems ?? []).GroupBy(Opening, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        string? itemsActor = null;
        var prepared = sentences.SelectMany(ByLine).Where(s => !s.Text.StartsWith('#')).Select(s => (Sentence: s, Clauses: Clauses(s.Tokens, lexicon).ToList())).ToList();
        var nouns = prepared.SelectMany(p => p.Clauses).SelectMany(c => c.Tokens.Select((x, i) => (x, Before: i > 0 ? c.Tokens[i - 1] : null)))
            .Where(p => p.x.Is("Noun") && !p.x.Is("Verb") && (p.x.Is("Plural") || p.Before is not null && (p.Before.Is("Determiner") || p.Before.Is("Value"))))
            .Select(p => p.x.Lemma.ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (sentence, clauses) in prepared)
        {
            var isItem = sentence.Text.Length > 0 && items.TryGetValue(Opening(sentence.Text), out var candidates) && candidates.Any(b => b.StartsWith(sentence.Text, StringComparison.Ordinal) || sentence.Text.StartsWith(b, StringComparison.Ordinal));
            string? colonActor = null;
            if (!isItem)
            {
                // "Members can:" on a line of its own: the list below is theirs, until prose starts again.
                itemsActor = ListOwner(sentence.Tokens, lexicon);
            }

            foreach (var (clause, afterColon) in clauses)
            {
                var before = found.Count;
                ReadClause(sentence, clause, lexicon, found, ref lastObject, ref lastActor);
                if (found.Count == before && (isItem || afterColon))
                {
                    var (features, kept) = FeatureItemReader.Read(sentence, clause, lexicon, nouns);
                    var owner = afterColon ? colonActor : itemsActor;
                    found.AddRange(owner is null ? features : features.Select(f => f.UseCase.Actor == FeatureItemReader.MainRole ? Owned(f, owner) : f));
                    things?.AddRange(kept);
                }

                // "members can: search the catalogue, place holds": the items after the colon are the role's.
                colonActor = ListOwner(clause, lexicon) ?? colonActor;
            }
        }

        // "Registration opens at 08:00" beside "students register for sections": the action is already read, with its real object.
        var actions = found.Where(f => !f.NamedBySubject && !f.ActorOnly).Select(f => f.UseCase.Action).ToHashSet(StringComparer.OrdinalIgnoreCase);
        found.RemoveAll(f => f.NamedBySubject && actions.Contains(f.UseCase.Action));

        // Features stated without a role belong to the brief's main role.
        if (found.Any(f => f.UseCase.Actor == FeatureItemReader.MainRole))
        {
            var (role, head) = MainRole(found, sentences, lexicon, builders ?? []);
            for (var i = 0; i < found.Count; i++)
            {
                if (found[i].UseCase.Actor == FeatureItemReader.MainRole)
                {
                    found[i].UseCase.Actor = role;
                    found[i] = found[i] with { ActorHead = head };
                }
            }
        }

        return found;
    }

    private static IEnumerable<(List<Token> Tokens, bool AfterColon)> Clauses(IReadOnlyList<Token> tokens, ReadingLexicon lexicon)
    {
        // Parenthesised asides are dropped ("Site coordinators at ~60 hospital sites (US and EU) enter …"); ';' and ':' end a clause.
        var current = new List<Token>();
        var depth = 0;
        var afterColon = false;
        foreach (var t in tokens)
        {
            depth += t.Pre.Count(c => c == '(') + (t.Text.StartsWith('(') ? 1 : 0);
            var dropped = depth > 0;
            if (!dropped)
            {
                current.Add(t.Post.Contains('(', StringComparison.Ordinal) ? t with { Post = t.Post.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal) } : t);
            }

            depth += t.Post.Count(c => c == '(') - t.Post.Count(c => c == ')') - t.Pre.Count(c => c == ')') - (t.Text.EndsWith(')') ? 1 : 0);
            depth = Math.Max(0, depth);
            if (dropped && depth == 0 && current.Count > 0 && t.Post.LastIndexOf(')') is var close and >= 0 && t.Post.IndexOf(',', close) > close)
            {
                // "group channels (the largest, …), threads": the comma after the aside still ends the item before it.
                current[^1] = current[^1] with { Post = current[^1].Post + ", " };
            }
            if (depth == 0 && current.Count > 0 && (t.Post.Contains(';', StringComparison.Ordinal) || t.Post.Contains(':', StringComparison.Ordinal)))
            {
                yield return (TagRepair.Repair(current, lexicon), afterColon);
                afterColon = t.Post.Contains(':', StringComparison.Ordinal);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            yield return (TagRepair.Repair(current, lexicon), afterColon);
        }
    }

    private static void ReadClause(AnnotatedSentence sentence, List<Token> t, ReadingLexicon lexicon, List<Found> found, ref string? lastObject, ref string? lastActor)
    {
        List<Token>? subject = null;
        var subjects = new List<(int At, List<Token> Subject)>();
        for (var i = 0; i < t.Count; i++)
        {
            var token = t[i];
            if (IsNounLike(token) && !token.Is("Verb"))
            {
                var np = NounPhraseAt(t, i);
                if (np.Count > 0)
                {
                    // Only a noun phrase directly followed by its verb (possibly through modals/adverbs) is a subject.
                    var j = i + np.Count;
                    var (verbIndex, passive) = VerbAfter(t, j, lexicon);
                    if (j < t.Count && t[j].Is("Verb") && !np[^1].Breaks && lexicon.IsActor(np) && !(np.Count == 1 && lexicon.FirstPerson.Contains(np[0].Normal)) && !np.Any(x => x.Is("Pronoun")))
                    {
                        // The role or system a later "from it" stands for ("SAP EWM is the system of record …; we receive pick waves from it").
                        lastActor = Phrase(np);
                    }

                    if (verbIndex < 0 && lexicon.IsActor(np) && SkipDescribingClause(t, j) is var main and > 0)
                    {
                        // "Recipients who aren't customers get a link": a describing clause between the subject and its verb.
                        (verbIndex, passive) = VerbAfter(t, main, lexicon);
                    }

                    if (verbIndex < 0 && RelativeVerb(t, j, lexicon) is var relative and >= 0)
                    {
                        if (lexicon.IsActor(np))
                        {
                            // "a system that generates the plan", "advisors who override caps": the relative clause's verb is the subject's.
                            verbIndex = relative;
                        }
                        else if (!np.Any(x => x.Is("Pronoun")) && (lexicon.SystemVerbs.Contains(t[relative].Lemma) || lexicon.TransitionVerbs.Contains(t[relative].Lemma)))
                        {
                            // "a waitlist that promotes automatically": a thing that does something on its own is the system doing it, to its object or to the thing.
                            var objectAt = relative + 1;
                            while (objectAt < t.Count && (t[objectAt].Is("Determiner") || t[objectAt].Is("Adverb")))
                            {
                                objectAt++;
                            }

                            var done = NounPhraseAt(t, objectAt, asObject: true);
                            var target = done.Count > 0 && !done.Any(x => x.Is("Pronoun")) ? done : np;
                            found.Add(new Found(new UseCase { Actor = "System", Action = t[relative].Lemma, Object = Phrase(target), Text = sentence.Text }, null, Head(target), true, target == np ? null : Head(np)));
                            i = relative;
                            continue;
                        }
                    }

                    if (verbIndex < 0 && j < t.Count && t[j].Is("Preposition") && !t[j - 1].Breaks && lexicon.IsActor(np))
                    {
                        // "Site coordinators at 60 hospital sites enter …": one prepositional phrase between subject and verb.
                        var k = j + 1;
                        while (k < t.Count && (t[k].Is("Value") || t[k].Is("Determiner") || t[k].Is("Adjective")))
                        {
                            k++;
                        }

                        var pp = NounPhraseAt(t, k);
                        if (pp.Count > 0)
                        {
                            (verbIndex, passive) = VerbAfter(t, k + pp.Count, lexicon);
                        }
                    }
                    if (verbIndex >= 0)
                    {
                        if (!lexicon.IsActor(np) && !np.Any(x => x.Is("Pronoun")))
                        {
                            // A thing that is the subject of its clause is what a later "it" stands for ("Stock is owned by …; the system updates it").
                            lastObject = Phrase(np);
                            ActionNamedBySubject(np, sentence, lexicon, found);
                        }

                        if (passive && i > 0 && t[i - 1].Normal is "before" or "after" or "until" or "once" or "while" or "unless")
                        {
                            // "… before funds are released": a passive in a time clause is the rule of another use case, not one itself.
                            i = verbIndex;
                            continue;
                        }

                        subject = np;
                        subjects.Add((i, np));
                        i = ReadPredicates(sentence, t, verbIndex, passive, subject, lexicon, found, ref lastObject, lastActor) - 1;
                        continue;
                    }

                    i = j - 1;
                }
            }
        }

        UseCaseNotifications.Read(sentence, t, subjects, lexicon, found);
    }

    /// <summary>Reads the verb at <paramref name="v"/> and any coordinated verbs after it; returns the index after the last.</summary>
    private static int ReadPredicates(AnnotatedSentence sentence, List<Token> t, int v, bool passive, List<Token> subject, ReadingLexicon lexicon, List<Found> found, ref string? lastObject, string? lastActor)
    {
        var subjectText = Phrase(subject);
        var subjectHead = Head(subject);
        var isWe = subject.Count == 1 && lexicon.FirstPerson.Contains(subject[0].Normal);
        var isActor = isWe || lexicon.IsActor(subject);
        // A role of people ("guests", "members"), not a named system, standard or product ("PCI DSS applies", "Stripe pays out").
        var byARole = isActor && !isWe && !lexicon.IsSystem(subject) && !subject.Any(x => x.Is("ProperNoun") || x.Is("Acronym") || x.Text.Skip(1).Any(char.IsUpper))
            && !lexicon.GenericNouns.Contains(subject[^1].Lemma);
        var i = v;
        var negated = false;
        string? chainObject = null;
        var pending = new List<string>();
        while (i < t.Count)
        {
            var verb = t[i];
            negated |= i > 0 && (t[i - 1].Is("Negative") || t[i - 1].Normal is "never" or "not" or "n't");
            var lemma = verb.Lemma;

            // "X use Y to V Z", "X want(s) Y to be able to V Z", "X need to V": the action is the inner verb.
            var k = i + 1;
            if (lexicon.Carriers.Contains(lemma))
            {
                var inner = InnerVerb(t, k, lexicon);
                if (inner >= 0)
                {
                    i = inner;
                    if (lexicon.Carriers.Contains(t[i].Lemma) is false && i > 0 && t[i - 1].Normal == "to")
                    {
                        var beforeTo = t.Take(i - 1).Skip(k).Where(IsNounLike).ToList();
                        if (lemma is "want" or "allow" or "let" or "enable" && beforeTo.Count > 0 && lexicon.IsActor(beforeTo))
                        {
                            subjectText = Phrase(beforeTo);
                            subjectHead = Head(beforeTo);
                            isWe = false;
                            isActor = true;
                        }
                    }

                    continue;
                }
            }

            // "Creators want download stats", "nurses get a mobile push": a role that wants or gets a feature does what the feature implies.
            if (lexicon.ReceiptVerbs.Contains(lemma) && isActor && !isWe && !negated && !passive && UseCaseNotifications.Received(t, k, lexicon) is { } received)
            {
                found.Add(new Found(new UseCase { Actor = Capitalise(subjectText), Action = received.Action, Object = received.Object, Text = sentence.Text }, subjectHead, received.Object.Split(' ')[^1], false));
            }

            // "We want our own booking module": the product asked for names what its users (the brief's main role) do.
            if (lexicon.ReceiptVerbs.Contains(lemma) && isWe && !negated && !passive && UseCaseNotifications.Wanted(t, k, lexicon) is { } wanted)
            {
                found.Add(new Found(new UseCase { Actor = FeatureItemReader.MainRole, Action = wanted.Action, Object = wanted.Object, Text = sentence.Text }, null, wanted.Object.Split(' ')[^1], false));
            }

            var particle = "";
            if (k < t.Count && (t[k].Is("Particle") || lexicon.Particles.Contains(t[k].Normal) && lexicon.PhrasalVerbs.Contains(lemma + " " + t[k].Normal)))
            {
                particle = " " + t[k].Normal;
                k++;
            }

            var objStart = k;
            while (objStart < t.Count && (t[objStart].Normal is "the" or "a" or "an" or "their" or "its" or "our" or "his" or "her" or "every" or "each" or "all" or "any" or "some"
                || (t[objStart].Is("Adverb") || t[objStart].Is("Adjective")) && objStart + 1 < t.Count && t[objStart + 1].Is("Determiner") && !t[objStart].Breaks))
            {
                objStart++;
            }

            var reflexive = false;
            var obj = passive ? subject : NounPhraseAt(t, objStart, asObject: true);
            var reciprocal = !passive && objStart > k && t[objStart - 1].Normal is "each" or "one" && objStart < t.Count && t[objStart].Normal is "other" or "another";
            if (reciprocal)
            {
                // "find each other", "help one another": people of the subject's kind (the tagger may read "other" as an adjective).
                obj = [t[objStart]];
            }
            if (!passive && obj.Count == 1 && objStart == k && IsVerbInList(t, objStart, lexicon))
            {
                // "sign up, post, comment and find each other": a bare action word in a list of verbs is the next verb, not this one's object.
                obj = [];
            }

            string? destination = null;
            if (obj.Count == 0 && !passive && objStart + 1 < t.Count && t[objStart].Normal == "to" && lexicon.DestinationVerbs.Contains(lemma + particle))
            {
                // "lock the database and export to SAS": where the chain's object goes, not a thing of its own.
                var to = NounPhraseAt(t, t[objStart + 1].Is("Determiner") ? objStart + 2 : objStart + 1, asObject: true);
                destination = to.Count > 0 ? Phrase(to) : null;
            }
            else if (obj.Count == 0 && !passive && objStart + 1 < t.Count && t[objStart].Normal is "for" or "to" or "on" or "in" or "about" && lexicon.ActionVerbs.Contains(lemma) && t[objStart + 1].Normal is not ("our" or "their" or "my"))
            {
                // "register for sections", "subscribe to a show".
                var n = objStart + 1;
                while (n < t.Count && t[n].Is("Determiner"))
                {
                    n++;
                }

                obj = NounPhraseAt(t, n, asObject: true);
                objStart = obj.Count > 0 ? n : objStart;
            }

            var objText = obj.Count > 0 ? Phrase(obj) : null;
            if (objText is null && chainObject is not null && lexicon.ActionVerbs.Contains(lemma) && !(objStart < t.Count && t[objStart].Normal is "what" or "how" or "which" or "who" or "where" or "whether" or "when"))
            {
                // A coordinated verb without its own object acts on the chain's first object ("browse sections, … and register").
                objText = chainObject;
            }
            if (reciprocal)
            {
                // "find each other": the determiner was skipped, the rest of the reciprocal left; people of the subject's kind.
                reflexive = true;
                objText = subjectText;
            }
            else if (objText is not null && obj.Count == 1 && lexicon.Pronouns.Contains(obj[0].Normal))
            {
                reflexive = obj[0].Normal == "each" || t.Skip(objStart).Take(2).Any(x => x.Normal == "other");
                objText = reflexive ? subjectText : lastObject;
            }

            // "of ..." continues the object ("a monthly CSV of approved leave").
            var after = objStart + obj.Count;
            if (!passive && objText is not null && after < t.Count && t[after].Normal == "of" && !t[after - 1].Breaks)
            {
                var tail = NounPhraseAt(t, after + 1, asObject: true);
                if (tail.Count > 0)
                {
                    objText += " of " + Phrase(tail);
                    after += 1 + tail.Count;
                }
            }

            var action = lemma + particle;
            // "check items in and out", "sign members up": a particle after the object still belongs to the verb.
            string? secondParticle = null;
            if (!passive && particle.Length == 0 && objText is not null && after < t.Count && after > 0 && !t[after - 1].Breaks
                && lexicon.Particles.Contains(t[after].Normal) && lexicon.PhrasalVerbs.Contains(lemma + " " + t[after].Normal)
                && !(after + 1 < t.Count && lexicon.ObjectIdioms.ContainsKey($"{lemma} {t[after].Normal} {t[after + 1].Normal}"))
                // "check items in the warehouse": a word that opens a phrase after it is a preposition, not the verb's particle.
                && !(after + 1 < t.Count && !t[after].Breaks && (t[after + 1].Is("Determiner") || t[after + 1].Is("Possessive") || t[after + 1].Is("Value") || t[after + 1].Is("Noun") && !t[after + 1].Is("Pronoun"))))
            {
                action = lemma + " " + t[after].Normal;
                if (after + 2 < t.Count && !t[after].Breaks && t[after + 1].Normal is "and" or "or" && lexicon.Particles.Contains(t[after + 2].Normal)
                    && lexicon.PhrasalVerbs.Contains(lemma + " " + t[after + 2].Normal))
                {
                    secondParticle = t[after + 2].Normal;
                    after += 2;
                }

                after++;
            }

            if (!passive && after + 1 < t.Count && !t[after - 1].Breaks && lexicon.ObjectIdioms.TryGetValue($"{lemma} {t[after].Normal} {t[after + 1].Normal}", out var idiom))
            {
                // "put any channel on hold": the words after the object name the action (put on hold), not the verb alone.
                action = idiom;
            }

            var actor = isWe ? "System" : Capitalise(subjectText);
            var keep = !negated && objText is not null && (!lexicon.StopVerbs.Contains(lemma) || lexicon.IsValue(objText)) && !IsVolume(t, k, objStart + obj.Count)
                && (isActor || passive)
                && (!isWe || lexicon.SystemVerbs.Contains(lemma))
                && !(passive && !lexicon.SystemVerbs.Contains(lemma) && !lexicon.TransitionVerbs.Contains(lemma))
                && !(passive && lexicon.NotifyVerbs.Contains(lemma) && lexicon.IsActor(subject) && UseCaseNotifications.Event(t, i + 1, lexicon) is not null);
            if (passive)
            {
                actor = "System";
            }

            // A pronoun's head is its antecedent's: its last two words when it has a modifier ("expense reports"), else its last.
            var objectHead = obj.Count > 0 && !lexicon.Pronouns.Contains(obj[^1].Normal) ? Head(obj) : objText is null ? null : string.Join(' ', objText.Split(' ').TakeLast(2).SkipWhile(w => w.EndsWith("'s", StringComparison.Ordinal) || w is "the" or "a" or "an"));
            if (keep)
            {
                var useCase = new UseCase { Actor = actor, Action = action, Object = objText! + (destination is null ? "" : " to " + destination), Rule = RuleAfter(t, after), Later = Deferral(t, i, after), Text = sentence.Text };
                found.Add(new Found(useCase, isWe || passive ? null : subjectHead, objectHead, isWe || passive, passive ? null : Companion(t, after, lexicon)));
                if (secondParticle is not null)
                {
                    found.Add(new Found(new UseCase { Actor = actor, Action = lemma + " " + secondParticle, Object = useCase.Object, Rule = useCase.Rule, Text = sentence.Text }, isWe ? null : subjectHead, objectHead, isWe));
                }

                // Verbs earlier in the chain that had no object of their own act on this one ("save, rate and comment on them").
                // A verb that takes no object ("sign up"), or one before a reciprocal ("post, comment and find each other"), makes its own record instead.
                var own = reflexive ? [.. pending] : pending.Where(lexicon.IntransitiveActions.Contains).ToList();
                foreach (var waiting in pending.Except(own))
                {
                    found.Add(new Found(new UseCase { Actor = actor, Action = waiting, Object = objText!, Text = sentence.Text }, useCase.Actor == "System" ? null : subjectHead, objectHead, isWe || passive));
                }

                // People who find each other are a role, even when named by a general word ("people").
                RecordsOfObjectlessVerbs(own, subjectText, subjectHead, (byARole || reflexive && isActor && !isWe) && !negated, sentence, lexicon, found);
                pending.Clear();

                // "we receive pick waves from SAP EWM / from it": the source does the converse action ("SAP EWM sends pick waves").
                if (!passive && lexicon.ConverseActions.TryGetValue(lemma, out var converse) && after + 1 < t.Count && t[after].Normal == "from")
                {
                    var source = NounPhraseAt(t, t[after + 1].Is("Determiner") ? after + 2 : after + 1);
                    var sourceName = source.Count == 1 && lexicon.Pronouns.Contains(source[0].Normal) ? lastActor : source.Count > 0 && lexicon.IsActor(source) ? Phrase(source) : null;
                    if (sourceName is not null)
                    {
                        found.Add(new Found(new UseCase { Actor = Capitalise(sourceName), Action = converse, Object = objText!, Text = sentence.Text }, sourceName.Split(' ')[^1], objectHead, false));
                    }
                }

                // "join a waitlist that promotes automatically": the object that then acts on its own is a System use case.
                if (!passive && RelativeVerb(t, after, lexicon) is var relative and >= 0 && obj.Count > 0 && !lexicon.IsActor(obj)
                    && (lexicon.SystemVerbs.Contains(t[relative].Lemma) || lexicon.TransitionVerbs.Contains(t[relative].Lemma)))
                {
                    var done = NounPhraseAt(t, relative + 1 < t.Count && t[relative + 1].Is("Determiner") ? relative + 2 : relative + 1, asObject: true);
                    var target = done.Count > 0 && !done.Any(x => x.Is("Pronoun")) ? done : obj;
                    found.Add(new Found(new UseCase { Actor = "System", Action = t[relative].Lemma, Object = Phrase(target), Text = sentence.Text }, null, Head(target), true));
                }

                // Coordinated objects are separate use cases ("scan bins and items").
                if (!passive && after + 1 < t.Count && t[after].Normal is "and" or "or" && !t[after - 1].Breaks)
                {
                    var second = t[after + 1].Is("Verb") ? [] : NounPhraseAt(t, after + 1, asObject: true);
                    if (second.Count > 0 && !(after + 1 + second.Count < t.Count && IsBaseVerb(t[after + 1 + second.Count]) && !t[after + second.Count].Breaks))
                    {
                        found.Add(new Found(new UseCase { Actor = actor, Action = action, Object = Phrase(second), Text = sentence.Text }, isWe ? null : subjectHead, Head(second), isWe));
                        after += 1 + second.Count;
                    }
                }
            }
            else if (objText is null && !negated && (isActor || isWe) && lexicon.ActionVerbs.Contains(lemma) && (!isWe || lexicon.SystemVerbs.Contains(lemma)))
            {
                pending.Add(action);
                if (!isWe && !passive && !lexicon.IsSystem(subject) && !lexicon.GenericNouns.Contains(subject[^1].Lemma) && !lexicon.GenericNouns.Contains(subject[^1].Normal) && !found.Any(f => f.ActorOnly && f.UseCase.Actor == Capitalise(subjectText)))
                {
                    // The role acts even when the brief names no object: it is an actor of the system.
                    found.Add(new Found(new UseCase { Actor = Capitalise(subjectText), Action = action, Object = "", Text = sentence.Text }, subjectHead, null, false, null, ActorOnly: true));
                }
            }

            if (objText is not null && !lexicon.Pronouns.Contains(objText) && keep)
            {
                lastObject = objText;
                chainObject ??= objText;
            }

            // Coordinated verbs with the same subject: ", V", "and V", ", and V", "then V" later in the clause, until a new subject starts.
            var chained = -1;
            for (var j = Math.Max(after, i + 1); j < t.Count; j++)
            {
                if (StartsClause(t, j))
                {
                    break;
                }

                var boundary = t[j - 1].Breaks || t[j - 1].Normal is "and" or "or" or "then" or "also"
                    || (t[j - 1].Normal == "to" || t[j - 1].Is("Modal") || t[j - 1].Is("Adverb")) && j >= 2 && (t[j - 2].Normal is "and" or "or" || t[j - 2].Breaks);
                if (boundary && !t[j].Is("Modal") && (IsBaseVerb(t[j]) || IsVerbTaggedNoun(t, j, lexicon) || IsVerbInList(t, j, lexicon)) && !IsNounPhraseSubjectAhead(t, j) && !lexicon.Pronouns.Contains(t[j].Normal))
                {
                    chained = j;
                    break;
                }
            }

            if (chained < 0)
            {
                RecordsOfObjectlessVerbs(pending, subjectText, subjectHead, byARole && !negated, sentence, lexicon, found);
                return after;
            }

            i = chained;
            passive = false;
        }

        RecordsOfObjectlessVerbs(pending, subjectText, subjectHead, byARole && !negated, sentence, lexicon, found);
        return i;
    }

    /// <summary>
    /// A subject that names an action is the brief's main role doing it, even when the sentence is about a figure:
    /// "Availability searches outnumber bookings 40 to 1" → search availability; "Card payments go through Stripe"
    /// → pay (a card payment); "Bookings peak at 300 a minute" → book (a booking). The object is what the action
    /// noun's modifiers name, or the action noun itself when it is the record the action makes; an action noun
    /// with neither ("Downloads are 2.5M a month") names no object, and no use case is guessed.
    /// </summary>
    private static void ActionNamedBySubject(List<Token> np, AnnotatedSentence sentence, ReadingLexicon lexicon, List<Found> found)
    {
        if (FeatureItemReader.Nominalised(np[^1], lexicon) is not { } verb)
        {
            return;
        }

        var modifiers = np.Take(np.Count - 1).Where(x => x.Is("Noun") && !x.Is("Value") && !x.Is("ProperNoun") && !x.Text.Any(char.IsDigit)).ToList();
        var isRecord = lexicon.RecordNouns.TryGetValue(verb, out var record) && record.Equals(Inflection.Singular(np[^1].Normal), StringComparison.OrdinalIgnoreCase);
        var obj = isRecord ? np.Where(x => x.Is("Noun") && !x.Is("ProperNoun")).ToList() : modifiers;
        if (obj.Count == 0 || obj.Count > 3)
        {
            return;
        }

        // The record in the singular, as every other object names it ("deposit payments" → deposit payment).
        var objText = string.Join(' ', obj.Select((x, i) => isRecord && i == obj.Count - 1 ? Inflection.Singular(x.Normal) : x.Normal));
        found.Add(new Found(new UseCase { Actor = FeatureItemReader.MainRole, Action = verb, Object = objText, Text = sentence.Text }, null, Head(obj), false, NamedBySubject: true));
    }

    /// <summary>
    /// Verbs of the clause that never got an object, whose action itself makes a record ("guests book on our website",
    /// "members vote", "customers order by phone"): the role creates that record (book → booking), a use case like any other.
    /// Verbs that make no record of their own ("creators publish") stay what the role does, with no object to guess.
    /// </summary>
    private static void RecordsOfObjectlessVerbs(List<string> pending, string subjectText, string subjectHead, bool byARole, AnnotatedSentence sentence, ReadingLexicon lexicon, List<Found> found)
    {
        // A list of bare verbs ("sign up, post, comment and find each other") is the list of what the role does: each
        // names the thing it makes, even one named like its verb.
        var list = pending.Count >= 2;
        string? made = null;
        foreach (var action in byARole ? pending : [])
        {
            // "post, comment": a verb that adds a record inside another ("comment on") acts on what the list made before it.
            var inside = lexicon.ChildRecordActions.FirstOrDefault(c => c.StartsWith(action + " ", StringComparison.Ordinal));
            if (list && made is not null && inside is not null)
            {
                found.Add(new Found(new UseCase { Actor = Capitalise(subjectText), Action = inside, Object = made, Text = sentence.Text }, subjectHead, made, false));
                continue;
            }

            // A lone record named like its verb ("comment", "order", "vote") adds nothing the verb did not say: no use case is made up from it.
            if (lexicon.RecordNouns.TryGetValue(action, out var record) && (list || !record.Equals(action, StringComparison.OrdinalIgnoreCase)))
            {
                // "post" makes a post: said as creating one, not "post post".
                var said = record.Equals(action, StringComparison.OrdinalIgnoreCase) ? "create" : action;
                found.Add(new Found(new UseCase { Actor = Capitalise(subjectText), Action = said, Object = record, Text = sentence.Text }, subjectHead, record, false));
                made ??= lexicon.OperationKind(action) == "create" && !lexicon.IntransitiveActions.Contains(action) ? record : null;
            }
        }

        pending.Clear();
    }

    // Words that put a use case past launch when they stand right after it ("organise events later on") ...
    private static readonly string[][] LaterPhrases =
    [
        ["later", "on"], ["in", "the", "future"], ["in", "a", "later", "phase"], ["at", "a", "later", "stage"], ["in", "phase", "2"], ["in", "phase", "two"],
        ["after", "launch"], ["after", "the", "launch"], ["down", "the", "line"], ["down", "the", "road"], ["someday"],
    ];

    // ... or hedge it before its verb ("maybe", "eventually") with a "later" after it; "eventually" alone is a time of the
    // action ("payments eventually settle"), and "within one day" a deadline, not a later phase.
    private static readonly HashSet<string> Hedges = new(StringComparer.Ordinal) { "maybe", "perhaps", "possibly", "eventually", "someday" };

    /// <summary>
    /// The brief's words that defer the use case whose verb is at <paramref name="verb"/> and whose object ends before
    /// <paramref name="after"/>: a later-phrase in the words right after it (up to the clause's end), or a hedge just
    /// before the verb together with "later". Null for launch scope; "pay later" or "two hours later" alone defer nothing.
    /// </summary>
    private static string? Deferral(List<Token> t, int verb, int after)
    {
        var tail = new List<string>();
        for (var j = after; j < t.Count && tail.Count < 5; j++)
        {
            tail.Add(t[j].Normal);
            if (t[j].Breaks)
            {
                break;
            }
        }

        var hedge = Enumerable.Range(Math.Max(0, verb - 2), verb - Math.Max(0, verb - 2)).Select(j => t[j].Normal).FirstOrDefault(Hedges.Contains);
        // The clause's lead-in before the verb counts too ("In a later phase members organise meetups").
        var lead = new List<string>();
        for (var j = verb - 1; j >= 0 && lead.Count < 7 && !t[j].Breaks; j--)
        {
            lead.Insert(0, t[j].Normal);
        }

        static bool Starts(List<string> words, string[] phrase, int at) => at + phrase.Length <= words.Count && phrase.Select((w, n) => words[at + n] == w).All(x => x);
        static bool Has(List<string> words, string[] phrase) => Enumerable.Range(0, words.Count).Any(at => Starts(words, phrase, at));
        var phrase = LaterPhrases.FirstOrDefault(p => Has(tail, p) || Has(lead, p));
        if (phrase is not null)
        {
            return (hedge is null ? "" : hedge + " … ") + string.Join(' ', phrase);
        }

        return hedge is not null && tail.Contains("later") ? hedge + " … later" : null;
    }

    private static string? RuleAfter(List<Token> t, int after)
    {
        // A stated rule right after the object: "within 10 s", "before funds are released", "after 10 minutes".
        if (after < t.Count && t[after].Normal is "within" or "before" or "after" or "once" or "unless" or "when" or "if" or "until")
        {
            var words = new List<string>();
            for (var j = after; j < t.Count && words.Count < 10; j++)
            {
                words.Add(t[j].Text);
                if (t[j].Breaks)
                {
                    break;
                }
            }

            return string.Join(' ', words);
        }

        return null;
    }

    /// <summary>The noun phrase starting at <paramref name="i"/>: determiners are skipped, adjectives and nouns kept, up to six words.</summary>
    public static List<Token> NounPhraseAt(List<Token> t, int i, bool asObject = false)
    {
        var np = new List<Token>();
        while (i < t.Count && np.Count < 6)
        {
            var x = t[i];
            var nounish = IsNounLike(x) || x.Is("Adjective") || x.Is("Value") || x.Is("Possessive") || x.Normal is "&" or "-"
                || x.Is("Verb") && !x.Is("Copula") && i + 1 < t.Count && IsNounLike(t[i + 1]) && np.Count == 0 && t[i + 1].Is("Noun") && !x.Breaks && !t[i + 1].Is("Pronoun")
                || asObject && IsPluralReadAsVerb(t, i, np);
            if (!nounish || x.Is("Preposition") || x.Is("Conjunction") || x.Is("Determiner") && np.Count > 0 || x.Is("Modal") || x.Is("Copula") || x.Is("Auxiliary"))
            {
                break;
            }

            if (x.Is("Pronoun") && np.Count > 0)
            {
                break;
            }

            np.Add(asObject && np.Count > 0 && x.Is("Verb") && !x.Is("Noun") && IsPluralReadAsVerb(t, i, np) ? x with { Lemma = Inflection.Singular(x.Normal), Tags = new HashSet<string>(["Noun", "Plural"], StringComparer.Ordinal) } : x);
            i++;
            if (x.Breaks || x.Is("Pronoun"))
            {
                break;
            }

            // A verb after a noun starts the predicate ("students register"), unless it is itself tagged a noun, or, in an
            // object, it is a plural the tagger read as a verb ("accept ride offers within 10 s").
            var pluralInObject = asObject && IsPluralReadAsVerb(t, i, np);
            if (i < t.Count && t[i].Is("Verb") && !pluralInObject && !(t[i].Is("Noun") && !(i + 1 < t.Count && (t[i + 1].Is("Determiner") || t[i + 1].Is("Noun")))))
            {
                break;
            }
        }

        // A phrase must end in a noun, and a count in front is not part of the thing ("3 distribution centres").
        while (np.Count > 0 && !IsNounLike(np[^1]))
        {
            np.RemoveAt(np.Count - 1);
        }

        while (np.Count > 1 && np[0].Is("Value"))
        {
            np.RemoveAt(0);
        }

        return np;
    }

    private static bool IsPluralReadAsVerb(List<Token> t, int i, List<Token> np) =>
        // "receive pick waves from it": in an object, a plural after a noun that the tagger read as a verb ends the phrase.
        np.Count > 0 && IsNounLike(np[^1]) && !np[^1].Is("Pronoun") && !np[^1].Breaks && i < t.Count && t[i].Is("Verb") && t[i].Normal.EndsWith('s') && !t[i].Is("PastTense") && !t[i].Is("Modal") && !t[i].Is("Copula")
            && (t[i].Breaks || i + 1 >= t.Count || t[i + 1].Is("Preposition") || t[i + 1].Is("Conjunction"));

    private static bool IsNounLike(Token x) =>
        (x.Is("Noun") || x.Is("Acronym") || x.Is("ProperNoun")) && (!x.Is("Date") || x.Text.All(char.IsUpper)) || x.Is("Pronoun");

    private static bool IsBaseVerb(Token x) => x.Is("Verb") && !x.Is("PastTense") && !x.Is("Participle") && !x.Is("Copula") && !x.Is("Gerund");

    /// <summary>The words of a phrase as written, lower-cased unless a proper noun or acronym.</summary>
    public static string Phrase(IEnumerable<Token> np)
    {
        // Hyphenated words stay hyphenated ("time-clash rules", "per-customer").
        var words = np.ToList();
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var x = words[i];
            sb.Append(x.Is("ProperNoun") || x.Is("Acronym") || x.Text.Skip(1).Any(char.IsUpper) ? x.Text : x.Text.ToLowerInvariant());
            if (i < words.Count - 1)
            {
                sb.Append(x.Post.Trim() == "-" ? '-' : ' ');
            }
        }

        return sb.ToString().Trim(',', '.', ';', ':');
    }

    /// <summary>The phrase's head: its last noun, singular, with a noun modifier before it ("leave request", "room hold").</summary>
    public static string Head(List<Token> np)
    {
        var last = np[^1];
        var head = last.Is("ProperNoun") || last.Is("Acronym") ? last.Text : last.Lemma;
        if (np.Count >= 2 && (np[^2].Is("Noun") || np[^2].Is("Verb") && !np[^2].Is("PastTense") && !ReadingLexicon.Default.ActionVerbs.Contains(np[^2].Normal)) && !np[^2].Is("Pronoun") && !np[^2].Is("Possessive") && !np[^2].Is("Value"))
        {
            head = (np[^2].Is("ProperNoun") || np[^2].Is("Acronym") ? np[^2].Text : np[^2].Normal) + " " + head;
        }

        return head.Trim(',', '.', ';', ':', '(', ')');
    }

    internal static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
