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
        $@"\bteam\s+of\s+(?:about\s+|around\s+|roughly\s+|~\s*)?{N}|{N}\s*(?:-|\s)?(?:person|people|strong|member)\s+(?:dev\s+|engineering\s+)?team|{N}\s+(?:full[- ]stack\s+|backend\s+|back-end\s+|software\s+|senior\s+|junior\s+|in-house\s+|\w+\s+)?(?:engineers|developers|devs|programmers)\b|\bteam\s*(?:size)?\s*[:=]\s*{N}",
        Opts);

    private static readonly Regex UsersRegex = new(
        $@"{N}\+?\s*(?<kind>monthly\s+active\s+users|daily\s+active\s+users|MAU|DAU|active\s+users|registered\s+users|concurrent\s+users|internal\s+users|end\s+users|users|customers|members|employees|staff|patients|subscribers|shoppers|buyers|sellers|students|accounts|clinicians|learners|drivers)\b",
        Opts);

    private static readonly Regex DevicesRegex = new(
        $@"{N}\+?\s*(?:connected\s+|iot\s+|refrigeration\s+|temperature\s+|smart\s+)?(?<kind>devices|sensors|trucks|vehicles|machines|meters|gateways|cameras|trackers|units)\b",
        Opts);

    private static readonly Regex RpsRegex = new(
        $@"{N}\s*(?:[a-z-]+\s+){{0,3}}?(?:per\s+second|a\s+second|/\s*s(?:ec)?\b|rps\b|qps\b|req/s|requests/s)",
        Opts);

    private static readonly Regex PerPeriodRegex = new(
        $@"{N}\s*(?<what>(?:[a-z-]+\s+){{0,2}}?[a-z-]+)\s*(?:a|per|/|each|every)\s*(?<period>day|daily|hour|minute|month|week)\b",
        Opts);

    private static readonly Regex EveryRegex = new(
        @"every\s+(?<n>\d+(?:\.\d+)?)\s*(?<unit>s|sec|secs|seconds|second|min|mins|minutes|minute)\b",
        Opts);

    private static readonly Regex DataRegex = new(
        @"(?<num>\d+(?:[.,]\d+)?)\s*(?<unit>PB|TB|GB|MB)\b",
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
        ("spiky", new Regex(@"\bspik(?:e|es|y)\b|\bburst(?:s|y)?\b|end\s+of\s+(?:the\s+)?month|last\s+(?:\w+\s+)?days\s+of|seasonal|black\s+friday|flash\s+sales?", Opts)),
        ("batch", new Regex(@"\bbatch\b|nightly|\bcron\b|scheduled\s+jobs?|report\s+generation|generat\w*\s+(?:\w+\s+)?reports?|month-end|monthly\s+run", Opts)),
        ("idle", new Regex(@"\bidle\b|mostly\s+quiet|rarely|otherwise\s+(?:quiet|nothing)|near[- ]zero\s+traffic|sits?\s+unused", Opts)),
        ("cost-sensitive", new Regex(@"\bcost\b|\bbudget\b|cheap|inexpensive|keep\s+(?:the\s+)?bills?|spend\s+as\s+little|frugal", Opts)),
        ("realtime", new Regex(@"real[- ]time|\blive\b|websockets?|instant(?:ly)?|push\s+notifications?|within\s+(?:\d+|one|a)\s+(?:second|minute)", Opts)),
        ("read-heavy", new Regex(@"read[- ]heavy|\bfeeds?\b|timeline|reads?\s+(?:far\s+)?outnumber|mostly\s+reads|browse|\bcatalog(?:ue)?\b", Opts)),
        ("media", new Regex(@"\buploads?\b|\bphotos?\b|\bvideos?\b|\bimages?\b|\bmedia\b|attachments", Opts)),
        ("payments", new Regex(@"\bpayments?\b|\bpayouts?\b|card\s+payments|checkout|\bbilling\b|\brefunds?\b", Opts)),
        ("search", new Regex(@"\bsearch\b|full[- ]text|\bfilter(?:ing)?\s+by\b", Opts)),
        ("multi-tenant", new Regex(@"multi[- ]tenan|\btenants?\b|\bSaaS\b|each\s+customer|per[- ]customer", Opts)),
        ("async-workflow", new Regex(@"notifications?|reminders?|\bemails?\b|\bSMS\b|webhooks?|approval|\bqueue\b|background\s+jobs?|asynchronous", Opts)),
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
        context.Traits = [.. TraitPatterns.Select(t => (t.Trait, Match: t.Pattern.Match(all))).Where(t => t.Match.Success)
            .Select(t => new WorkloadTrait { Name = t.Trait, Evidence = Snippet(all, t.Match) })];
        context.TeamSkills = [.. Skills.Where(s => s.Pattern.IsMatch(all)).Select(s => s.Skill)];
        context.Environment = Environments.Where(e => e.Pattern.IsMatch(all)).Select(e => e.Name).DefaultIfEmpty().Aggregate((a, b) => a + ", " + b);
        context.DataResidency = SentenceMatching(all, ResidencyRegex());
        context.Budget = SentenceMatching(all, BudgetRegex());
        context.Timeline = SentenceMatching(all, TimelineRegex());
        context.ExistingDecisions = [.. Sentences(all).Where(s => ExistingRegex().IsMatch(s)).Take(6)];
        context.Constraints = [.. Sentences(all).Where(s => ConstraintRegex().IsMatch(s) && !context.ExistingDecisions.Contains(s)).Take(8)];
        context.FunctionalRequirements = Requirements(text);
        context.Entities = Entities(all);
        context.Summary = Summary(text);
        context.Domain = Domain(all, context.Entities);
        return context;
    }

    public static IEnumerable<string> StacksOf(ContextSection context) =>
        Skills.Where(s => context.TeamSkills.Contains(s.Skill)).Select(s => s.Stack);

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

    private static ExtractedFigure? DataVolume(string text)
    {
        var match = DataRegex.Matches(text).OrderByDescending(GigaBytes).FirstOrDefault();
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
        var match = LatencyRegex.Matches(text).FirstOrDefault(m => Regex.IsMatch(m.Value, @"p\s?\d{2,3}|latency|response|respond", RegexOptions.IgnoreCase))
            ?? LatencyRegex.Matches(text).FirstOrDefault();
        if (match is null)
        {
            return null;
        }

        var value = double.Parse(match.Groups["num"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        var ms = unit.StartsWith("ms", StringComparison.Ordinal) || unit.StartsWith("milli", StringComparison.Ordinal) ? value
            : unit.StartsWith("min", StringComparison.Ordinal) ? value * 60_000 : value * 1_000;
        return new ExtractedFigure { Value = ms, Unit = "ms", Evidence = Snippet(text, match) };
    }

    private static ExtractedFigure? Availability(string text)
    {
        foreach (Match m in AvailabilityRegex.Matches(text))
        {
            if (m.Groups["words"].Success)
            {
                var value = m.Groups["words"].Value.ToLowerInvariant() switch { "three" => 99.9, "four" => 99.99, _ => 99.999 };
                return new ExtractedFigure { Value = value, Unit = "%", Evidence = Snippet(text, m) };
            }

            var pct = double.Parse(m.Groups["num"].Value, CultureInfo.InvariantCulture);
            if (pct is >= 95 and < 100 && Regex.IsMatch(Snippet(text, m), "uptime|availab|SLA|SLO|up\\b|downtime", RegexOptions.IgnoreCase))
            {
                return new ExtractedFigure { Value = pct, Unit = "%", Evidence = Snippet(text, m) };
            }
        }

        return null;
    }

    private static List<string> Requirements(string text)
    {
        var result = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var bullet = BulletRegex().Match(line);
            if (bullet.Success)
            {
                var item = bullet.Groups["item"].Value.Trim();
                if (item.Length >= 12 && !FigureOnlyRegex().IsMatch(item))
                {
                    result.Add(Clip(item, 200));
                }
            }
        }

        foreach (var sentence in Sentences(text))
        {
            if (RequirementRegex().IsMatch(sentence) && !result.Any(r => sentence.Contains(r, StringComparison.Ordinal) || r.Contains(sentence, StringComparison.Ordinal)))
            {
                result.Add(Clip(sentence, 200));
            }
        }

        return [.. result.Distinct().Take(15)];
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
        var first = Sentences(text).FirstOrDefault(s => !s.StartsWith('#') && s.Length > 20 && !s.Contains(title, StringComparison.Ordinal));
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

    [GeneratedRegex(@"\b(?:deadline|launch|go[- ]live|MVP|by\s+(?:Q[1-4]|January|February|March|April|May|June|July|August|September|October|November|December)|in\s+\d+\s+(?:weeks|months)|within\s+\d+\s+(?:weeks|months)|timeline)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimelineRegex();

    [GeneratedRegex(@"\b(?:already\s+(?:use|run|on|have)|we\s+(?:use|run)|existing|currently\s+(?:on|use|run)|today\s+we|our\s+current|legacy|standardi[sz]ed\s+on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExistingRegex();

    [GeneratedRegex(@"\b(?:must\s+not|cannot|can't|no\s+more\s+than|at\s+most|only|mandatory|required\s+to|constraint|not\s+allowed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConstraintRegex();

    [GeneratedRegex(@"\b(?:solo|single|one|lone)\s+(?:developer|engineer|dev)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SoloRegex();
}
