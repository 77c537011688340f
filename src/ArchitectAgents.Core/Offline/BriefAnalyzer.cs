using System.Globalization;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Extracts figures, traits, regimes and requirements from brief text with rules. Every figure keeps
/// the words it came from; nothing is guessed here (assumptions are made by the gatherer, labelled).
/// </summary>
internal static partial class BriefAnalyzer
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string N = NumberText.Pattern;

    private static readonly Regex TeamRegexes = new(
        $@"\bteam\s+of\s+(?:about\s+|around\s+|roughly\s+|~\s*)?{N}|\b(?:engineering|the\s+team|our\s+team|dev(?:elopment)?\s+team|the\s+dev\s+team)\s+(?:is|are|has|=)\s+(?:just\s+|only\s+|currently\s+)?{N}\s+(?:people|persons|engineers|developers|devs|of\s+us)\b|{N}\s*(?:-|\s)?(?:person|people|strong|member)\s+(?:dev\s+|engineering\s+)?team|{N}\s+(?:full[- ]stack\s+|backend\s+|back-end\s+|software\s+|senior\s+|junior\s+|in-house\s+|\w+\s+)?(?:engineers|developers|devs|programmers)\b|\bteam\s*(?:size)?\s*[:=]\s*{N}",
        Opts);

    private static readonly Regex UsersRegex = new(
        $@"(?<!(?:Microsoft|Office|Windows|Dynamics|Java|Python|Node|PostgreSQL|Postgres|iOS|Android)\s){N}\+?\s*(?<kind>monthly\s+active\s+users|daily\s+active\s+users|MAU|DAU|active\s+users|registered\s+users|concurrent\s+users|internal\s+users|end\s+users|users|customers|members|employees|staff|patients|subscribers|shoppers|buyers|sellers|students|accounts|clinicians|learners|drivers|people|persons|workers|operators|agents|instructors|tenants)\b",
        Opts);

    private static readonly Regex DevicesRegex = new(
        $@"{N}\+?\s*(?:[a-z][a-z0-9-]*\s+){{0,2}}?(?<kind>devices|sensors|trucks|vehicles|machines|meters|gateways|cameras|trackers|handhelds|scanners|tablets|terminals|kiosks|robots|drones)\b",
        Opts);

    private static readonly Regex RpsRegex = new(
        $@"{N}\s*(?:[a-z-]+\s*){{0,3}}?(?:per\s+second|a\s+second|/\s*s(?:ec)?\b|rps\b|qps\b|req/s|requests/s)",
        Opts);

    private static readonly Regex PerPeriodRegex = new(
        $@"{N}\s*(?<what>(?:[a-z-]+\s+){{0,2}}?[a-z-]+)?\s*(?:a|per|/|each|every)\s*(?<period>day|daily|hour|minute|month|week)\b",
        Opts);

    private static readonly Regex EveryRegex = new(
        @"every\s+(?<n>\d+(?:\.\d+)?)\s*(?<unit>s|sec|secs|seconds|second|min|mins|minutes|minute)\b",
        Opts);

    private static readonly Regex DataRegex = new(
        @"(?<num>\d+(?:[.,]\d+)?)\s*(?<unit>PB|TB|GB|MB)\b(?!\s*(?:of\s+)?(?:RAM|memory|VRAM|heap|cache\b))",
        Opts);

    private static readonly Regex LatencyRegex = new(
        @"(?:p\s?\d{2,3}|latency|response\s+times?|respond|within)[^.\n]{0,40}?(?:<=?|under|below|less\s+than|within|of|at\s+most|≤)?\s*(?<num>\d+(?:\.\d+)?)\s*(?<unit>ms|milliseconds|s|sec|seconds|minutes?|min)\b",
        Opts);

    private static readonly Regex AvailabilityRegex = new(
        @"(?<num>9\d(?:\.\d+)?)\s*%(?:[^.\n]{0,30}?(?:uptime|availability|available|SLA|SLO))?|(?<words>three|four|five)\s+nines",
        Opts);

    private static readonly (string Regime, Regex Pattern)[] Regimes =
    [
        ("HIPAA", new Regex(@"\bHIPAA\b|\bPHI\b|protected\s+health\s+information", Opts)),
        ("GDPR", new Regex(@"\bGDPR\b|\bDSGVO\b|\bUK\s+GDPR\b", Opts)),
        ("PCI DSS", new Regex(@"\bPCI(?:[\s-]?DSS)?\b|cardholder\s+data", Opts)),
        ("SOC 2", new Regex(@"\bSOC\s?-?2\b|\bSOC\s+II\b", Opts)),
    ];

    private static readonly (string Trait, Regex Pattern)[] TraitPatterns =
    [
        ("internal", new Regex(@"\binternal\b|back[- ]office|admin\s+tool|\bintranet\b|our\s+(?:staff|employees)", Opts)),
        ("crud", new Regex(@"\bCRUD\b|spreadsheet|\bforms?\b|keep\s+track|tracking\s+(?:stock|items|assets)", Opts)),
        ("iot", new Regex(@"\bIoT\b|\bsensors?\b|telemetry|connected\s+(?:devices|cars|trucks)|\bfirmware\b|\bdevices?\b.{0,40}\b(?:report|send|emit)", Opts)),
        ("intermittent-network", new Regex(@"intermittent|poor\s+(?:network|connectivity|coverage|signal)|spotty|flaky\s+(?:network|connection)|dead\s+zones|patchy|offline\s+(?:for|periods|mode)|lose\s+(?:connectivity|signal)|drop\s+out", Opts)),
        ("spiky", new Regex(@"\bspik(?:e|es|y)\b|\bburst(?:s|y)?\b|end\s+of\s+(?:the\s+)?month|last\s+(?:\w+\s+)?days\s+of|seasonal|black\s+friday|flash\s+sales?|goes\s+on\s+sale|on[- ]sale\s+(?:moment|day|time)|sell[- ]?outs?|ticket\s+drops?|traffic\s+is\s+low\s+most", Opts)),
        ("batch", new Regex(@"\bbatch\b|nightly\s+(?!backups?)\w+|\bcron\b|scheduled\s+jobs?|report\s+generation|generat\w*\s+(?:\w+\s+){0,2}(?:reports?|statements?|invoices?|payslips?|exports?|PDFs?|documents?)|month-end|quarter-end|year-end|(?:monthly|quarterly|yearly|annual)\s+(?:run|job|batch|report)|once\s+a\s+(?:week|month|quarter|year)", Opts)),
        ("idle", new Regex(@"\bidle\b|mostly\s+quiet|rarely|otherwise\s+(?:quiet|nothing)|near[- ]zero\s+traffic|sits?\s+unused", Opts)),
        ("cost-sensitive", new Regex(@"\bcost\b|\bbudget\b|cheap|inexpensive|keep\s+(?:the\s+)?bills?|spend\s+as\s+little|frugal", Opts)),
        ("realtime", new Regex(@"real[- ]time|\blive\b|websockets?|instant(?:ly)?|push\s+notifications?|within\s+(?:\d+|one|a)\s+(?:second|minute)", Opts)),
        ("read-heavy", new Regex(@"read[- ]heavy|\bfeeds?\b|timeline|reads?\s+(?:far\s+)?outnumber|mostly\s+reads|browse|\bcatalog(?:ue)?\b", Opts)),
        ("media", new Regex(@"\buploads?\b|\bphotos?\b|\bimages?\b|\bmedia\b|attachments|video\s+uploads?|upload\w*\s+videos?", Opts)),
        ("video", new Regex(@"\bvideo\s+(?:visits?|calls?|consultations?|sessions?|rooms?|conferenc\w*)|over\s+video|\bvideo\s+provider", Opts)),
        ("payments", new Regex(@"\bpayments?\b|\bpayouts?\b|card\s+payments|\bpay\s+(?:by|with|online|for)\b|\bbilling\b|\brefunds?\b|\bStripe\b|\bAdyen\b|\bPayPal\b", Opts)),
        ("search", new Regex(@"\bsearch\b|full[- ]text|\bfilter(?:ing)?\s+by\b", Opts)),
        ("multi-tenant", new Regex(@"multi[- ]tenan|\btenants?\b|\bSaaS\b|each\s+customer|per[- ]customer", Opts)),
        ("async-workflow", new Regex(@"notifications?|reminders?|\b(?:send|sends|sent|by)\s+e-?mails?\b|\be-?mails?\s+(?:them|customers|users|members|alerts?|notifications?)|\bSMS\b|webhooks?|\bqueue\b|background\s+jobs?|asynchronous", Opts)),
        ("geo-distributed", new Regex(@"\bglobal(?:ly)?\b|worldwide|multi[- ]region|several\s+regions|EU\s*(?:\+|and|&)\s*US|US\s*(?:\+|and|&)\s*EU|across\s+(?:continents|countries)", Opts)),
        ("third-party", new Regex(@"third[- ]party|\bvendor\b|provider's\s+API|integrat\w+\s+with", Opts)),
        ("consumer", new Regex(@"consumer|\bapp\s+store\b|mobile\s+app|\bMAU\b|social", Opts)),
    ];

    private static readonly (string Skill, string Stack, Regex Pattern)[] Skills =
    [
        (".NET / C#", "dotnet", new Regex(@"\bC#|\.NET\b|\bASP\.NET|\bdotnet\b", Opts)),
        ("Java", "java", new Regex(@"\bJava\b(?!Script)|\bSpring\b|\bKotlin\b", Opts)),
        ("Go", "go", new Regex(@"\bGo\b(?:lang)?(?=[\s,/).]|$)|\bGolang\b", RegexOptions.CultureInvariant)),
        ("Python", "python", new Regex(@"\bPython\b|\bDjango\b|\bFastAPI\b|\bFlask\b", Opts)),
        ("TypeScript / Node.js", "node", new Regex(@"\bTypeScript\b|\bNode(?:\.js|JS)?\b|\bJavaScript\b|\bNestJS\b|\bExpress\b", Opts)),
        ("Ruby", "ruby", new Regex(@"\bRuby\b|\bRails\b", Opts)),
        ("PHP", "php", new Regex(@"\bPHP\b|\bLaravel\b", Opts)),
        ("Rust", "rust", new Regex(@"\bRust\b", Opts)),
    ];

    private static readonly (string Name, Regex Pattern)[] Environments =
    [
        ("AWS", new Regex(@"\bAWS\b|Amazon\s+Web\s+Services|\bRDS\b|\bLambda\b|\bS3\b", Opts)),
        ("Azure", new Regex(@"\bAzure\b", Opts)),
        ("Google Cloud", new Regex(@"\bGCP\b|Google\s+Cloud", Opts)),
        ("on-premises", new Regex(@"on[- ]prem(?:ise|ises)?\b|own\s+data\s*cent(?:er|re)|self[- ]hosted", Opts)),
        ("Kubernetes", new Regex(@"\bKubernetes\b|\bk8s\b|\bEKS\b|\bAKS\b|\bGKE\b", Opts)),
        ("Cloudflare", new Regex(@"\bCloudflare\b", Opts)),
    ];

    public static ContextSection Analyze(string text, IReadOnlyList<string>? extraTexts = null)
    {
        var all = extraTexts is null || extraTexts.Count == 0 ? text : text + "\n" + string.Join("\n", extraTexts);
        var context = new ContextSection
        {
            Figures = new NonFunctionalFigures
            {
                Users = Users(all),
                Devices = First(DevicesRegex, all, "devices"),
                PeakRequestsPerSecond = Rps(all),
                DataVolumeGb = DataVolume(all),
                LatencyMs = Latency(all),
                AvailabilityPercent = Availability(all),
            },
            TeamSize = Team(all),
        };
        context.Figures.TransactionsPerDay = PerDay(all, context.Figures.Devices);
        context.Compliance = [.. Regimes.Where(r => r.Pattern.IsMatch(all)).Select(r => r.Regime)];
        // "No payments, no ads yet": a trait the brief only ever names to rule out is no trait.
        context.Traits = [.. TraitPatterns.Select(t => (t.Trait, Match: t.Pattern.Matches(all).FirstOrDefault(m => !NegatedBefore().IsMatch(all[Math.Max(0, m.Index - 24)..m.Index]))))
            .Where(t => t.Match is not null)
            .Select(t => new WorkloadTrait { Name = t.Trait, Evidence = Snippet(all, t.Match!) })];
        context.TeamSkills = [.. Skills.Where(s => s.Pattern.IsMatch(all)).Select(s => SkillInBriefWords(s, all))];
        context.Environment = Environments.Where(e => e.Pattern.IsMatch(all)).Select(e => e.Name).DefaultIfEmpty().Aggregate((a, b) => a + ", " + b);
        context.DataResidency = SentenceMatching(all, ResidencyRegex());
        context.Budget = SentenceMatching(all, BudgetRegex());
        context.Timeline = Sentences(all).Where(s => TimelineRegex().IsMatch(s)).OrderByDescending(s => DeliveryWords().IsMatch(s)).FirstOrDefault() is { } timeline ? Clip(timeline, 220) : null;
        context.ExistingDecisions = [.. Sentences(all).Where(s => ExistingRegex().IsMatch(s)).Take(6)];
        context.Constraints = [.. ConstraintBullets(text)
            .Concat(Sentences(all).Where(s => ConstraintRegex().IsMatch(s) && !context.ExistingDecisions.Contains(s)))
            .DistinctBy(c => c.Length > 60 ? c[..60] : c).Take(10)];
        context.FunctionalRequirements = Requirements(text);
        context.Entities = Entities(all);
        context.Summary = Summary(text);
        context.Domain = Domain(all, context.Entities);
        return context;
    }

    public static IEnumerable<string> StacksOf(ContextSection context) =>
        Skills.Where(s => context.TeamSkills.Any(t => t == s.Skill || s.Pattern.IsMatch(t))).Select(s => s.Stack);

    /// <summary>
    /// The skill as the brief names it: a Kotlin team is a Kotlin team, not "Java", though both run on the JVM stack.
    /// The generic label stays when the brief names the skill's own language.
    /// </summary>
    private static string SkillInBriefWords((string Skill, string Stack, Regex Pattern) skill, string text)
    {
        var words = skill.Pattern.Matches(text).Select(m => m.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return words.Any(w => skill.Skill.Contains(w, StringComparison.OrdinalIgnoreCase)) || words.Count == 0 ? skill.Skill : string.Join(", ", words);
    }

    private static ExtractedFigure? Team(string text)
    {
        var best = TeamRegexes.Matches(text).Where(m => m.Groups["num"].Success).Select(m => (Value: NumberText.Parse(m), m))
            .Where(x => x.Value is >= 1 and <= 5000).ToList();
        if (best.Count == 0)
        {
            return SoloRegex().Match(text) is { Success: true } solo ? Figure(1, "engineers", text, solo) : null;
        }

        var pick = best.OrderByDescending(x => x.m.Value.Contains("team", StringComparison.OrdinalIgnoreCase)).ThenByDescending(x => x.Value).First();
        return Figure(pick.Value, "engineers", text, pick.m);
    }

    private static ExtractedFigure? Users(string text)
    {
        var matches = UsersRegex.Matches(text).Where(m => !PercentBefore(text, m)).ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        // Prefer active-user figures, then the largest stated population.
        var pick = matches.OrderByDescending(m => Regex.IsMatch(m.Groups["kind"].Value, "active|MAU|DAU", RegexOptions.IgnoreCase))
            .ThenByDescending(NumberText.Parse).First();
        return Figure(NumberText.Parse(pick), "users", text, pick);
    }

    private static ExtractedFigure? First(Regex regex, string text, string unit)
    {
        var match = regex.Matches(text).Where(m => NumberText.Parse(m) >= 2).OrderByDescending(NumberText.Parse).FirstOrDefault();
        return match is null ? null : Figure(NumberText.Parse(match), unit, text, match);
    }

    private static ExtractedFigure? Rps(string text)
    {
        var match = RpsRegex.Matches(text)
            .Where(m => !Regex.IsMatch(m.Value, @"\b(?:ms|seconds?\s+(?:p\d|latency))\b", RegexOptions.IgnoreCase))
            .OrderByDescending(NumberText.Parse).FirstOrDefault();
        return match is null ? null : Figure(NumberText.Parse(match), "requests/s", text, match);
    }

    private static ExtractedFigure? PerDay(string text, ExtractedFigure? devices)
    {
        var candidates = new List<(double PerDay, string Evidence)>();
        foreach (Match m in PerPeriodRegex.Matches(text))
        {
            var what = m.Groups["what"].Value.ToLowerInvariant();
            if (Regex.IsMatch(what, @"^(?:times?|hours?|days?|minutes?|weeks?|months?|dollars?|usd|eur|gb|tb|mb|percent)$|\$"))
            {
                continue;
            }

            var value = NumberText.Parse(m);
            var perDay = m.Groups["period"].Value.ToLowerInvariant() switch
            {
                "hour" => value * 24,
                "minute" => value * 1440,
                "week" => value / 7,
                "month" => value / 30,
                _ => value,
            };
            candidates.Add((perDay, Snippet(text, m)));
        }

        if (devices is not null && EveryRegex.Match(text) is { Success: true } every)
        {
            var n = double.Parse(every.Groups["n"].Value, CultureInfo.InvariantCulture);
            var seconds = every.Groups["unit"].Value.StartsWith('m') ? n * 60 : n;
            if (seconds > 0)
            {
                candidates.Add((devices.Value * 86_400 / seconds, $"{devices.Evidence}; {Snippet(text, every)}"));
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var best = candidates.MaxBy(c => c.PerDay);
        return new ExtractedFigure { Value = Math.Round(best.PerDay), Unit = "per day", Evidence = best.Evidence };
    }

    private static readonly Regex ItemNoun = new(@"\b(files?|uploads?|attachments?|photos?|pictures?|images?|videos?|documents?|episodes?|drawings?|messages?|recordings?)\b", Opts);

    // "a 200-600 MB WAV", "people upload 5-10 MB": the size of one item, possibly as a range.
    private static readonly Regex OneItemBefore = new(@"\b(?:a|an|each|every|one|single|upload(?:s|ed)?|attach(?:es|ed)?|sends?)\s+(?:\d+(?:[.,]\d+)?\s*(?:[-–]|to)\s*)?$", Opts);

    private static readonly Regex LimitWords = new(@"\b(up\s+to|max(?:imum)?|at\s+most|limit(?:ed)?(?:\s+(?:to|of))?|no\s+(?:larger|bigger)\s+than|capped\s+at)\s*$", Opts);

    /// <summary>True when the size is a limit or the size of each item: a limit word before it with an item noun near, or an item noun right after it.</summary>
    private static bool PerItemSize(string text, Match m)
    {
        var before = text[Math.Max(0, m.Index - 40)..m.Index];
        var after = text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 24)];
        return LimitWords.IsMatch(before) && ItemNoun.IsMatch(before)
            || OneItemBefore.IsMatch(before)
            || Regex.IsMatch(after, @"^\s*(?:each|apiece|per\s+(?:file|upload|item|photo|image|episode|message|attachment))\b", RegexOptions.IgnoreCase)
            || Regex.IsMatch(after, @"^\s*(?:(?!of\b|in\b)\w+\s+)?(?:files?|uploads?|attachments?|photos?|pictures?|images?|videos?|episodes?|drawings?)\b", RegexOptions.IgnoreCase);
    }

    private static ExtractedFigure? DataVolume(string text)
    {
        // A size limit of one item ("file sharing up to 250 MB", "5-10 MB photos") is not how much data the system holds.
        var match = DataRegex.Matches(text).Where(m => !PerItemSize(text, m)).OrderByDescending(GigaBytes).FirstOrDefault();
        return match is null ? null : new ExtractedFigure { Value = GigaBytes(match), Unit = "GB", Evidence = Snippet(text, match) };

        static double GigaBytes(Match m)
        {
            var value = double.Parse(m.Groups["num"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            return m.Groups["unit"].Value.ToUpperInvariant() switch
            {
                "PB" => value * 1_000_000,
                "TB" => value * 1_000,
                "MB" => value / 1_000,
                _ => value,
            };
        }
    }

    private static ExtractedFigure? Latency(string text)
    {
        // A request latency target: prefer stated targets ("under", "<") over current measurements, and
        // ignore minute-scale figures (alert or freshness deadlines, not request latency).
        var candidates = LatencyRegex.Matches(text)
            .Select(m => (Match: m, Ms: ToMs(m)))
            .Where(x => x.Ms is > 0 and <= 10_000)
            .OrderByDescending(x => Regex.IsMatch(x.Match.Value, @"p\s?\d{2,3}|latency|response|respond", RegexOptions.IgnoreCase))
            .ThenByDescending(x => Regex.IsMatch(x.Match.Value, @"<|under|below|less\s+than|within|at\s+most|≤|target", RegexOptions.IgnoreCase))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var best = candidates[0];
        return new ExtractedFigure { Value = best.Ms, Unit = "ms", Evidence = Snippet(text, best.Match) };

        static double ToMs(Match match)
        {
            var value = double.Parse(match.Groups["num"].Value, CultureInfo.InvariantCulture);
            var unit = match.Groups["unit"].Value.ToLowerInvariant();
            return unit.StartsWith("ms", StringComparison.Ordinal) || unit.StartsWith("milli", StringComparison.Ordinal) ? value
                : unit.StartsWith("min", StringComparison.Ordinal) ? value * 60_000 : value * 1_000;
        }
    }

    private static ExtractedFigure? Availability(string text)
    {
        // Briefs often give today's figure and the target side by side: the target is the higher one.
        ExtractedFigure? best = null;
        foreach (Match m in AvailabilityRegex.Matches(text))
        {
            double value;
            if (m.Groups["words"].Success)
            {
                value = m.Groups["words"].Value.ToLowerInvariant() switch { "three" => 99.9, "four" => 99.99, _ => 99.999 };
            }
            else
            {
                value = double.Parse(m.Groups["num"].Value, CultureInfo.InvariantCulture);
                if (value is < 95 or >= 100 || !Regex.IsMatch(Snippet(text, m), "uptime|availab|SLA|SLO|up\\b|downtime", RegexOptions.IgnoreCase))
                {
                    continue;
                }
            }

            if (best is null || value > best.Value)
            {
                best = new ExtractedFigure { Value = value, Unit = "%", Evidence = Snippet(text, m) };
            }
        }

        return best;
    }

    /// <summary>Bullets and requirement sentences, skipping sections about figures, team or constraints.</summary>
    private static List<string> Requirements(string text)
    {
        var result = new List<string>();
        var prose = new List<string>();
        var skip = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var heading = HeadingRegex().Match(line);
            if (heading.Success)
            {
                skip = NonFunctionalHeading().IsMatch(heading.Groups["title"].Value);
                continue;
            }

            if (skip || line.Length == 0)
            {
                continue;
            }

            var bullet = BulletRegex().Match(line);
            if (bullet.Success)
            {
                var item = bullet.Groups["item"].Value.Trim();
                if (item.Length >= 12 && !FigureOnlyRegex().IsMatch(item) && !NonFunctionalLine().IsMatch(item))
                {
                    result.Add(Clip(item, 200));
                }
            }
            else
            {
                prose.Add(line);
            }
        }

        foreach (var sentence in Sentences(string.Join("\n", prose)))
        {
            if (RequirementRegex().IsMatch(sentence) && !NonFunctionalLine().IsMatch(sentence)
                && !result.Any(r => sentence.Contains(r, StringComparison.Ordinal) || r.Contains(sentence, StringComparison.Ordinal)))
            {
                result.Add(Clip(sentence, 200));
            }
        }

        return [.. result.Distinct().Take(15)];
    }

    /// <summary>Bullets under a constraints heading.</summary>
    private static IEnumerable<string> ConstraintBullets(string text)
    {
        var inside = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var heading = HeadingRegex().Match(line);
            if (heading.Success)
            {
                inside = ConstraintHeading().IsMatch(heading.Groups["title"].Value);
                continue;
            }

            if (inside && BulletRegex().Match(line) is { Success: true } bullet)
            {
                yield return Clip(bullet.Groups["item"].Value.Trim(), 220);
            }
        }
    }

    private static List<string> Entities(string text)
    {
        var kb = KnowledgeBase.Default;
        var found = new List<string>();
        foreach (var entity in kb.Entities.Entities)
        {
            if (entity.Keywords.Any(k => Regex.IsMatch(text, $@"\b{Regex.Escape(k)}\b", Opts)))
            {
                found.Add(entity.Name);
            }
        }

        // Referenced entities must exist for the schema's foreign keys.
        var queue = new Queue<string>(found);
        while (queue.TryDequeue(out var name))
        {
            foreach (var required in kb.Entity(name)?.Requires ?? [])
            {
                if (!found.Contains(required))
                {
                    found.Add(required);
                    queue.Enqueue(required);
                }
            }
        }

        if (!found.Contains("user") && kb.Entity("user") is not null)
        {
            found.Insert(0, "user");
        }

        return found;
    }

    private static string Domain(string text, List<string> entities)
    {
        (string Domain, string Pattern)[] domains =
        [
            ("healthcare", @"\b(?:patients?|clinic|telehealth|health|medical|HIPAA|doctors?|clinicians?)\b"),
            ("payments and commerce", @"\b(?:marketplace|orders?|checkout|payments?|shop|e-?commerce|sellers?)\b"),
            ("IoT and logistics", @"\b(?:sensors?|devices?|trucks?|fleet|telemetry|IoT)\b"),
            ("social and content", @"\b(?:feed|posts?|followers?|social|likes?)\b"),
            ("finance and payroll", @"\b(?:payroll|ledger|accounting|invoices?|bank)\b"),
            ("internal operations", @"\b(?:internal|warehouse|inventory|back[- ]office|employees)\b"),
            ("education", @"\b(?:courses?|students?|lessons?|school)\b"),
            ("fitness and bookings", @"\b(?:gym|classes|fitness|bookings?|reservations?)\b"),
        ];
        var best = domains.Select(d => (d.Domain, Count: Regex.Count(text, d.Pattern, Opts))).MaxBy(d => d.Count);
        return best.Count > 0 ? best.Domain : entities.Count > 1 ? "general business application" : "unspecified";
    }

    private static string Summary(string text)
    {
        var title = Engine.IntakeExecutor.TitleOf(text);
        // Wrapped lines are joined first, so the summary is a whole sentence, not a line cut mid-way.
        var joined = ArchitectAgents.Core.Requirements.BriefText.Joined(ArchitectAgents.Core.Requirements.BriefText.Blocks(text));
        var first = Sentences(joined).FirstOrDefault(s => !s.StartsWith('#') && s.Length > 20 && !s.Contains(title, StringComparison.Ordinal));
        return first is null ? title : $"{title}: {Clip(first, 220)}";
    }

    private static bool PercentBefore(string text, Match m) => m.Index + m.Length < text.Length && text[(m.Index + m.Length)..].StartsWith('%');

    private static ExtractedFigure Figure(double value, string unit, string text, Match match) =>
        new() { Value = value, Unit = unit, Evidence = Snippet(text, match) };

    /// <summary>The matched words with a little of their line around them, so a reader sees the source.</summary>
    internal static string Snippet(string text, Match match)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1;
        var lineEnd = text.IndexOf('\n', match.Index + match.Length);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        var start = Math.Max(lineStart, match.Index - 40);
        var end = Math.Min(lineEnd, match.Index + match.Length + 40);
        var snippet = text[start..end].Trim().TrimStart('-', '*', ' ');
        return Clip((start > lineStart ? "…" : "") + snippet + (end < lineEnd ? "…" : ""), 160);
    }

    internal static IEnumerable<string> Sentences(string text) =>
        SentenceSplit().Split(text).Select(s => s.Trim().TrimStart('-', '*', '>', ' ', '#').Trim()).Where(s => s.Length > 3);

    private static string? SentenceMatching(string text, Regex regex) => Sentences(text).FirstOrDefault(regex.IsMatch) is { } s ? Clip(s, 220) : null;

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"^(?:[-*•]|\d+[.)])\s+(?<item>.+)$")]
    private static partial Regex BulletRegex();

    [GeneratedRegex(@"^[\d.,%~<>\s]+(?:k|m|ms|s|rps|users|%)?$", RegexOptions.IgnoreCase)]
    private static partial Regex FigureOnlyRegex();

    [GeneratedRegex(@"\b(?:must|should|need(?:s)?\s+to|needs?\b|wants?\s+to|be\s+able\s+to|can\s+(?:book|see|view|create|upload|pay|search|track|cancel|receive|manage|export)|lets?\s+\w+\s+\w+|allow(?:s)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RequirementRegex();

    [GeneratedRegex(@"data\s+residency|must\s+(?:stay|remain|be\s+stored|be\s+hosted)\s+in|stay\s+in\s+the\s+(?:EU|US|UK)|(?:EU|US|UK)[- ]only|hosted\s+in\s+the\s+(?:EU|US|UK)|within\s+the\s+(?:EU|EEA)|\bsovereign", RegexOptions.IgnoreCase)]
    private static partial Regex ResidencyRegex();

    [GeneratedRegex(@"budget|\$\s?\d|€\s?\d|£\s?\d|per\s+month\s+(?:on|for)\s+(?:infra|hosting|cloud)|\bcost\b", RegexOptions.IgnoreCase)]
    private static partial Regex BudgetRegex();

    [GeneratedRegex(@"\b(?:deadline|go[- ]live|MVP|timeline|by\s+(?:the\s+end\s+of\s+)?(?:Q[1-4]|January|February|March|April|May|June|July|August|September|October|November|December|next\s+(?:year|quarter))|(?:in|within)\s+(?:about\s+|roughly\s+|around\s+)?(?:\d+|one|two|three|four|five|six|nine|twelve)\s+(?:weeks|months))\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimelineRegex();

    [GeneratedRegex(@"\b(?:already\s+(?:use|run|on|have)|we\s+(?:use|run)|existing|currently\s+(?:on|use|run)|today\s+we|our\s+current|legacy|standardi[sz]ed\s+on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExistingRegex();

    [GeneratedRegex(@"\b(?:must\s+not|cannot|can't|no\s+more\s+than|at\s+most|only|mandatory|required\s+to|constraint|not\s+allowed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConstraintRegex();

    [GeneratedRegex(@"^(?:#{1,6}\s+(?<title>.+?)\s*#*|\*\*(?<title>[^*]{2,60})\*\*:?|(?<title>[A-Z][A-Za-z /&-]{2,40}):)$")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"number|scale|volume|load|traffic|constraint|team|non[- ]functional|\bNFRs?\b|budget|timeline|complian|availability|figures|\bSLA|\bops\b|operations|infra|existing|background|tech(?:nology)?\b|stack|open\s+(?:items|questions)|regulat|security|people|staffing|cost|deadline|what\s+we\s+(?:have|know)|today", RegexOptions.IgnoreCase)]
    private static partial Regex NonFunctionalHeading();

    [GeneratedRegex(@"constraint|complian|regulat|security|non[- ]negotiable|must[- ]haves?|rules", RegexOptions.IgnoreCase)]
    private static partial Regex ConstraintHeading();

    [GeneratedRegex(@"^(?:team\s+of|we\s+are\s+\d|\d+\s+(?:engineers|developers)|availability|uptime|budget|HIPAA|GDPR|PCI|SOC\s?2)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NonFunctionalLine();

    [GeneratedRegex(@"production|launch|live|first\s+version|MVP|deadline|ship|deliver|ready|release", RegexOptions.IgnoreCase)]
    private static partial Regex DeliveryWords();

    [GeneratedRegex(@"\b(?:solo|single|one|lone)\s+(?:developer|engineer|dev)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SoloRegex();

    // "no", "not", "without" or "nor" right before a trait word (one word may sit between: "no card payments").
    [GeneratedRegex(@"\b(?:no|not|without|nor)\s+(?:(?!only\b|just\b)[\w-]+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegatedBefore();
}
