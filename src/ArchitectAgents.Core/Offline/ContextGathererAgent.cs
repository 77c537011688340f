using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Engine;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Offline context gatherer: reads the brief (and attachments) into the requirements model, extracts the
/// sizing figures and constraints the later agents use (answers included), asks at most five questions about
/// facts that change the design, and turns unanswered ones into explicit, labelled assumptions that never
/// contradict a stated fact.
/// </summary>
public sealed class ContextGathererAgent(RequirementsReader? reader = null) : OfflineAgent
{
    private const int MaxQuestions = 5;
    private readonly RequirementsReader _reader = reader ?? RequirementsReader.Default;

    /// <inheritdoc />
    public override string AgentId => "context-gatherer";

    /// <inheritdoc />
    protected override async ValueTask<AgentOutput> ProduceAsync(AgentInput input, CancellationToken cancellationToken)
    {
        var brief = input.Document.Brief ?? throw new InvalidOperationException("context-gatherer needs the brief section");
        // Answers are read with the brief, so an answered scope question gives the model its use cases.
        var answered = (input.Answers ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Value)).Select(a => a.Value.Trim()).ToList();
        var text = answered.Count == 0 ? brief.Text : brief.Text + "\n\n" + string.Join("\n\n", answered);
        var attachments = brief.Attachments.Select(a => (a.Name, a.Content)).ToList();
        var model = await _reader.ReadAsync(text, attachments, cancellationToken).ConfigureAwait(false);

        // The questions on record are those the brief alone raised, so the brief is also read without the answers.
        var briefModel = answered.Count == 0 ? model : await _reader.ReadAsync(brief.Text, attachments, cancellationToken).ConfigureAwait(false);
        return Produce(input, model, briefModel);
    }

    /// <inheritdoc />
    protected override AgentOutput Produce(AgentInput input) => Produce(input, null, null);

    private static AgentOutput Produce(AgentInput input, RequirementsModel? model, RequirementsModel? briefModel)
    {
        var brief = input.Document.Brief ?? throw new InvalidOperationException("context-gatherer needs the brief section");
        var answers = input.Answers ?? [];
        // Each answer is read in the light of its question, so "99.5% is fine" counts as an availability target.
        var answerTexts = answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).Select(a => AnswerTopic(a.Key) + a.Value.Trim()).ToList();
        var attachments = brief.Attachments.Select(a => a.Content).ToList();
        var context = BriefAnalyzer.Analyze(brief.Text, [.. answerTexts, .. attachments]);
        if (model is not null)
        {
            RequirementsFacts.Apply(model, context);
        }

        context.Sources = ["brief", .. brief.Attachments.Select(a => a.Name), .. answers.Keys.Select(k => "answer:" + k)];
        if (brief.Attachments.Count > 0)
        {
            context.ExistingDecisions.InsertRange(0, brief.Attachments.Select(a => $"Existing document {a.Name}: {Engine.IntakeExecutor.TitleOf(a.Content)}"));
        }

        var briefText = string.Join('\n', [brief.Text, .. attachments]);
        var allText = string.Join('\n', [briefText, .. answerTexts]);

        // Gaps left once the answers are read in; before any assumption fills them.
        var open = QuestionsFor(context, allText).ToList();

        // The questions are those the brief alone raises, so answered ones stay on record with their answers.
        var questions = answerTexts.Count == 0
            ? [.. open.Take(MaxQuestions)]
            : QuestionsFor(BriefOnly(brief.Text, attachments, briefModel), briefText).Take(MaxQuestions).ToList();
        foreach (var question in questions)
        {
            if (answers.TryGetValue(question.Id, out var answer) && !string.IsNullOrWhiteSpace(answer))
            {
                question.Answer = answer.Trim();
            }
        }

        // Answers may have filled a gap the question was about; those questions are answered.
        var stillOpen = open.Select(q => q.Id).ToHashSet();
        var canAsk = input.Interactive && input.Answers is null && (input.RevisionsLeft ?? 0) > 0;
        var unanswered = questions.Where(q => q.Answer is null && stillOpen.Contains(q.Id)).ToList();
        context.Questions = questions.Where(q => q.Answer is not null || stillOpen.Contains(q.Id)).ToList();

        if (canAsk && unanswered.Count > 0)
        {
            return Output("questions", $"{unanswered.Count} clarifying question(s) before designing", (SectionNames.Context, context));
        }

        foreach (var question in unanswered)
        {
            Assume(context, question);
        }

        // Gaps beyond the question limit were never asked, but the design still rests on them: they are assumed too.
        foreach (var gap in open.Where(q => questions.All(asked => asked.Id != q.Id)))
        {
            Assume(context, gap);
        }

        // Money and dates never asked (a brief complete in its key facts), or left open once the key facts were answered.
        foreach (var gap in SecondaryGaps(context).Where(g => context.Assumptions.All(a => a.Topic != g.Topic)
            && context.Questions.All(q => q.Id != g.Id || q.Answer is null)))
        {
            Assume(context, gap);
        }

        AssumeDerived(context);
        AssumeUnquantified(context);
        var notes = $"{CountFigures(context)} figures extracted, {context.Compliance.Count} regime(s), {context.Assumptions.Count} assumption(s)";
        return Output("ready", notes, (SectionNames.Context, context));
    }

    private static ContextSection BriefOnly(string text, List<string> attachments, RequirementsModel? model)
    {
        var context = BriefAnalyzer.Analyze(text, attachments);
        if (model is not null)
        {
            RequirementsFacts.Apply(model, context);
        }

        return context;
    }

    private static string AnswerTopic(string questionId) => questionId switch
    {
        "q-scale" => "Scale: ",
        "q-team" => "Team: ",
        "q-compliance" => "Compliance: ",
        "q-residency" => "Data residency: ",
        "q-availability" => "Availability target: ",
        "q-budget" => "Running budget: ",
        "q-deadline" => "Deadline: ",
        _ => "",
    };

    private static IEnumerable<ClarifyingQuestion> QuestionsFor(ContextSection c, string scopeText)
    {
        var primary = KeyQuestions(c, scopeText).ToList();
        return primary.Count > 0 ? primary.Concat(SecondaryGaps(c)) : primary;
    }

    private static IEnumerable<ClarifyingQuestion> KeyQuestions(ContextSection c, string scopeText)
    {
        if (!BriefScope.Has(c, scopeText) || RequirementsFacts.IsVague(c.Requirements))
        {
            yield return new ClarifyingQuestion
            {
                Id = "q-scope", Topic = "scope",
                Text = "What must the system do? Name who uses it, the three to five main things they do with it, and any systems it must connect to.",
                Why = "Without a functional scope the components, API and schema can only be generic placeholders.",
            };
        }

        var f = c.Figures;
        if (f.Users is null && f.Devices is null && f.PeakRequestsPerSecond is null && f.TransactionsPerDay is null)
        {
            yield return new ClarifyingQuestion
            {
                Id = "q-scale", Topic = "scale",
                Text = "How many users (or devices) will use it at launch and in 12–18 months, and what is the busiest hour like (requests per second or transactions per day)?",
                Why = "Scale decides between a single deployable and independently scaled parts, and sizes the database and cache.",
            };
        }

        if (c.TeamSize is null)
        {
            yield return new ClarifyingQuestion
            {
                Id = "q-team", Topic = "team",
                Text = "How many engineers will build and run it, and which languages and platforms do they know best?",
                Why = "Team size and skills decide how many deployables the team can operate and which stack to pick.",
            };
        }

        if (c.Compliance.Count == 0)
        {
            yield return new ClarifyingQuestion
            {
                Id = "q-compliance", Topic = "compliance",
                Text = "Which compliance regimes apply (GDPR, HIPAA, PCI DSS, SOC 2, none), and what personal, health or payment data will it store?",
                Why = "Regimes add mandatory controls: audit logging, encryption, retention and erasure, vendor agreements.",
            };
        }

        if (c.DataResidency is null)
        {
            yield return new ClarifyingQuestion
            {
                Id = "q-residency", Topic = "data residency",
                Text = "Where are the users, and must their data stay in a particular country or region?",
                Why = "Residency pins regions, backups and third-party processors, and can rule out some managed services.",
            };
        }

        if (c.Figures.AvailabilityPercent is null)
        {
            yield return new ClarifyingQuestion
            {
                Id = "q-availability", Topic = "availability",
                Text = "What availability does the business need (for example 99.5%, 99.9%, 99.99%), and how much data loss is acceptable after a failure?",
                Why = "The availability target decides redundancy (replicas, zones, regions) and the backup/restore objectives.",
            };
        }

    }

    // Money and dates: a design with neither can be neither checked against a budget nor planned to a date. They are
    // asked beside the key facts, never alone: a brief complete in scale, team, compliance, residency and availability
    // is designed at once, with these two recorded as assumptions.
    private static IEnumerable<ClarifyingQuestion> SecondaryGaps(ContextSection c)
    {
        if (!c.Requirements.Constraints.Any(k => k.Kind == "budget"))
        {
            yield return new ClarifyingQuestion
            {
                Id = "q-budget", Topic = "budget",
                Text = "What may it cost to run each month, and is there a one-off budget for building or migrating?",
                Why = "The running budget decides managed versus self-run services and how much redundancy is affordable.",
            };
        }

        if (!c.Requirements.Constraints.Any(k => k.Kind == "deadline" && !k.Value.Contains("not quantified", StringComparison.Ordinal)))
        {
            yield return new ClarifyingQuestion
            {
                Id = "q-deadline", Topic = "deadline",
                Text = "When must it be live, and what must the first release contain?",
                Why = "A date decides the first slice, what is bought rather than built, and when the load test and any migration must happen.",
            };
        }
    }

    private static void Assume(ContextSection context, ClarifyingQuestion question)
    {
        var traits = context.Traits.Select(t => t.Name).ToHashSet();
        switch (question.Id)
        {
            case "q-scope":
                Add(context, "scope", "A generic web application with user accounts; the components, API and schema are placeholders until the scope is known.",
                    "The brief does not say what the system must do. Every module, endpoint and table depends on it.");
                break;
            case "q-scale":
                var users = traits.Contains("internal") ? 300 : traits.Contains("consumer") ? 20_000 : 5_000;
                context.Figures.Users = new ExtractedFigure { Value = users, Unit = "users", Evidence = "assumption", Assumed = true };
                Add(context, "scale", $"About {NumberText.Format(users)} users at launch, growing modestly over 12–18 months.",
                    "The brief gives no scale. A larger figure would move the design toward caching, read replicas and independently scaled parts.");
                break;
            case "q-team":
                context.TeamSize = new ExtractedFigure { Value = 5, Unit = "engineers", Evidence = "assumption", Assumed = true };
                Add(context, "team", "A team of about 5 engineers builds and runs the system.",
                    "The brief gives no team size. A much larger team with clear domains could justify more deployables.");
                break;
            case "q-compliance" when !traits.Contains("internal") && context.Requirements.UseCases.Any(u => u.Actor != "System" && u.Action is "sign up" or "register"):
                // Anyone may sign up to a public service, from the EU or the UK too: their accounts get GDPR's basics.
                context.Compliance.Add("GDPR");
                Add(context, "compliance", "Members' accounts and what they post are personal data handled under GDPR basics (consent, account deletion, data export), since anyone, in the EU or UK too, may sign up; no sector regime (HIPAA, PCI DSS) applies.",
                    "The brief names no regime, but people sign up themselves. A health, card or children's-data rule would add its own controls.");
                break;
            case "q-compliance":
                Add(context, "compliance", "No sector regime (HIPAA, PCI DSS) applies; personal data is handled with baseline privacy and security controls.",
                    "The brief names no regime. If health, card or EU personal data is stored, the matching controls must be added.");
                break;
            case "q-residency":
                if (RegimeJurisdiction.Of(context.Requirements) is { } place)
                {
                    Add(context, "data residency", $"Data, backups and processors kept in {place}, as the brief's data-protection law expects; no stricter rule is stated.",
                        "The brief names the law but not where data must live. A stricter rule would pin one country; none would allow any region.");
                    break;
                }

                Add(context, "data residency", "No residency requirement: one region close to most users, backups in a second region of the same jurisdiction.",
                    "The brief does not say where data must live. A residency rule would pin regions and processors.");
                break;
            case "q-budget":
                Add(context, "budget", "No running budget stated: the design is the smallest configuration that serves the stated needs, priced in the cost estimate.",
                    "A monthly ceiling would let the estimate be checked against it and could rule out self-run or redundant parts.");
                break;
            case "q-deadline":
                Add(context, "deadline", "No date stated: delivery in slices, the first live once one use case runs end to end in production.",
                    "A date would fix the first slice and when the load test and any migration must happen.");
                break;
            case "q-availability":
                context.Figures.AvailabilityPercent = new ExtractedFigure { Value = 99.9, Unit = "%", Evidence = "assumption", Assumed = true };
                // Only what the brief leaves open is assumed: a stated RPO or RTO is never restated with another value.
                var targets = context.Requirements.QualityTargets.Select(q => q.Attribute).ToHashSet();
                var recovery = string.Join(", ", new[] { targets.Contains("rpo") ? null : "RPO 15 minutes", targets.Contains("rto") ? null : "RTO 1 hour" }.OfType<string>());
                Add(context, "availability", "A 99.9% monthly availability target (about 43 minutes of downtime a month)" + (recovery.Length > 0 ? ", " + recovery : "") + ".",
                    "The brief gives no target. A higher one needs multi-zone or multi-region redundancy; a lower one allows simpler operations.");
                break;
        }
    }

    /// <summary>
    /// What the brief says without a figure ("cheap to run", "live fairly soon"), and moderation of what members post
    /// when the brief is silent on it: each read as a stated assumption the requester can correct.
    /// </summary>
    private static void AssumeUnquantified(ContextSection context)
    {
        var model = context.Requirements;
        var topics = context.Assumptions.Select(a => a.Topic).ToHashSet(StringComparer.Ordinal);
        if (!topics.Contains("budget") && model.Constraints.FirstOrDefault(k => k.Kind == "budget" && k.Value.Contains("not quantified", StringComparison.Ordinal)) is { } budget)
        {
            Add(context, "budget", $"\"{budget.Value.Replace(" (not quantified)", "", StringComparison.Ordinal)}\" read as well under USD 200 a month at launch: managed smallest tiers, no standby beyond what the availability target needs, nothing self-run.",
                "The brief asks for a low cost without a figure; a monthly ceiling would let the cost estimate be checked against it.");
        }

        if (model.Constraints.FirstOrDefault(k => k.Kind == "deadline" && k.Value.Contains("not quantified", StringComparison.Ordinal)) is { } soon
            && !model.Constraints.Any(k => k.Kind == "deadline" && !k.Value.Contains("not quantified", StringComparison.Ordinal)))
        {
            // The brief does want it soon: that, read as a date, replaces "no date stated".
            context.Assumptions.RemoveAll(a => a.Topic == "deadline");
            Add(context, "deadline", $"\"{soon.Value.Replace(" (not quantified)", "", StringComparison.Ordinal)}\" read as a first release within about three months, which favours bought or hosted parts over built ones.",
                "The brief wants it soon without a date; a date would fix the first slice and what must be bought rather than built.");
        }

        // Members' posts need someone to act on reports; a brief that says nothing of moderation has not decided who.
        var content = Knowledge.CapabilityCatalog.Default.ClassWords("user-content");
        bool Posted(string noun) => content.Any(w => noun.Split(' ').Any(x => Requirements.Inflection.Singular(x.ToLowerInvariant()) == w));
        var moderated = model.UseCases.Concat(model.Later).Any(u => u.Text.Contains("moderat", StringComparison.OrdinalIgnoreCase))
            || model.Constraints.Any(k => k.Text.Contains("moderat", StringComparison.OrdinalIgnoreCase));
        // Staff talking among themselves (an internal tool) answer to HR policy, not to a moderation queue.
        var internalTool = context.Traits.Any(t => t.Name == "internal");
        if (!topics.Contains("moderation") && !moderated && !internalTool && model.UseCases.Any(u => u.Actor != "System" && Posted(u.Object)))
        {
            Add(context, "moderation", "Members can report posts and comments; a small staff or volunteer team reviews reports within a day and can hide content and suspend accounts; nothing is pre-moderated.",
                "The brief does not say who moderates what members post; a duty to pre-moderate, or a legal takedown time, would change the workflow and the team needed.");
        }
    }

    /// <summary>Figures the design needs that can be derived from stated ones; marked as assumptions.</summary>
    private static void AssumeDerived(ContextSection context)
    {
        var f = context.Figures;
        if (f.PeakRequestsPerSecond is null)
        {
            double? estimate = null;
            string basis = "";
            if (f.TransactionsPerDay is { } messages && f.Devices is not null)
            {
                // Device messages arrive evenly; reconnect bursts after outages are the peak.
                estimate = Math.Ceiling(messages.Value / 86_400 * 3);
                basis = $"{NumberText.Format(messages.Value)} device messages/day spread evenly × a 3× reconnect-burst peak";
            }
            else if (f.TransactionsPerDay is { } tx)
            {
                // Business transactions fan out into several API calls and cluster in busy hours.
                estimate = Math.Ceiling(tx.Value / 86_400 * 10 * 5);
                basis = $"{NumberText.Format(tx.Value)} transactions/day × ~5 API calls each × a 10× busy-hour peak";
            }
            else if (f.Users is { } users)
            {
                estimate = Math.Ceiling(users.Value * 0.002);
                basis = $"{NumberText.Format(users.Value)} users × ~2 requests/s per 1,000 users at peak";
            }

            // The reader's busy-hour rate of the stated volume ("5 lines/s") is at least one request each: a lower
            // estimate by another rule of thumb would contradict it in the same report.
            if (context.Requirements.Figures.Where(x => x.Derived && x.Unit.EndsWith("/s", StringComparison.Ordinal) && x.Derivation is not null).MaxBy(x => x.Value) is { } rate
                && rate.Value > (estimate ?? 0))
            {
                estimate = rate.Value;
                basis = $"{rate.Derivation}, at least one request per {rate.Unit.Split('/')[0].TrimEnd('s')}";
            }

            if (estimate is { } rps)
            {
                f.PeakRequestsPerSecond = new ExtractedFigure { Value = Math.Max(1, rps), Unit = "requests/s", Evidence = "derived: " + basis, Assumed = true };
                Add(context, "peak load", $"Peak load of about {NumberText.Format(Math.Max(1, rps))} requests/s, derived from {basis}.",
                    "No peak figure was stated; the estimate sizes instances, pools and caches and should be replaced by a measured baseline.");
            }
        }
    }

    private static void Add(ContextSection context, string topic, string statement, string reason) =>
        context.Assumptions.Add(new Assumption { Topic = topic, Statement = "ASSUMPTION: " + statement, Reason = reason });

    private static int CountFigures(ContextSection c)
    {
        var f = c.Figures;
        return new[] { f.Users, f.Devices, f.PeakRequestsPerSecond, f.TransactionsPerDay, f.DataVolumeGb, f.LatencyMs, f.AvailabilityPercent, c.TeamSize }
            .Count(x => x is { Assumed: false });
    }
}
