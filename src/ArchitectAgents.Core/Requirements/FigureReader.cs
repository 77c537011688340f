using System.Globalization;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Reads the figures and quality targets of a sentence: every number that counts or measures something, with its
/// unit, what it applies to and the exact words; clock times, dates, versions, identifiers and regulation numbers
/// are not figures. Numbers that bound latency, availability, RPO/RTO or freshness become quality targets only.
/// </summary>
public static partial class FigureReader
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex NumberRegex = new(
        @"(?:(?<cur>[£$€])\s?)?" + NumberWords.Pattern + @"(?:\s?(?<cur2>€|EUR\b|USD\b|GBP\b|CHF\b|£|\$))?", RegexOptions.CultureInvariant);

    private static readonly Regex Range = new(@"^\s?(?:-|–|to|à|a|bis|or|ou|o)\s?(?=[£$€]?\d)", Opts);

    private static readonly Regex Period = new(
        @"^\s?(?:/\s?|a\s|an\s|per\s|each\s|every\s|par\s|al\s|por\s|pro\s|au\s|à\sla\s|a\sla\s|de\s)?(?<p>s(?:ec(?:ond)?)?\b|seconds?\b|minutes?\b|minute\b|min\b|minutos?\b|hours?\b|hr\b|h\b|heures?\b|horas?\b|days?\b|daily\b|día\b|dia\b|jours?\b|jour\b|tag\b|weeks?\b|weekly\b|semaines?\b|semanas?\b|months?\b|monthly\b|mois\b|mes\b|monat\b|years?\b|yearly\b|annually\b|año\b|an\b|jahr\b|person\b|personne\b|persona\b|show\b|user\b|year)", Opts);

    private static readonly Regex RateUnit = new(@"^\s?(?<u>rps|qps|req/s|requests?/s|tps|msg/s)\b", Opts);
    private static readonly Regex DataUnit = new(@"^\s?(?<u>KB|MB|GB|TB|PB|Mo|Go|To)\b", RegexOptions.CultureInvariant);
    private static readonly Regex TimeUnit = new(@"^\s?-?\s?(?<u>ms|milliseconds?|s|secs?|seconds?|segundos?|secondes?|min|mins|minutes?|minutos?|h|hrs?|hours?|horas?|heures?|days?|días|dias|jours?|weeks?|semanas|semaines|months?|meses|mois|years?|años|ans)\b", Opts);
    private static readonly Regex Ratio = new(@"^(?<u>x)\b", Opts);
    private static readonly Regex Percent = new(@"^\s?%", Opts);
    private static readonly Regex Words = new(@"^\s?(?:(?:de|d'|of)\s)?(?<w>(?:[\p{L}][\p{L}\d\-'/&]*\s?){1,4})", Opts);

    private static readonly Regex ClockAfter = new(@"^(?::\d{2}|\s?h\s?\d{0,2}\b|\s?(?:am|pm)\b|\s?o'clock)", Opts);
    private static readonly Regex MonthNear = new(
        @"^\s?(?:de\s)?(?:jan(?:uary|vier)?|feb(?:ruary)?|févr(?:ier)?|mar(?:ch|s)?|apr(?:il)?|avril|may|mai|mayo|june?|juin|junio|july?|juillet|julio|aug(?:ust)?|août|agosto|sep(?:t(?:ember)?)?|septembre|septiembre|oct(?:ober)?|octobre|octubre|nov(?:ember)?|novembre|noviembre|dec(?:ember)?|décembre|diciembre|enero|febrero|marzo|abril|januar|februar|märz|mai|juni|juli|oktober|dezember)\b", Opts);
    private static readonly Regex MonthBefore = new(@"(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|august|sept(?:ember)?|october|november|december)\s$", Opts);
    private static readonly Regex Ordinal = new(@"^(?:st|nd|rd|th|er|ème|º|ª)\b", Opts);
    private static readonly Regex VersionBefore = new(
        @"(?:\b(?:Java|JDK|Rails|Ruby|Python|PHP|MySQL|Postgres|PostgreSQL|Oracle|Node(?:\.js)?|\.NET|NET|Kotlin|Android|iOS|Windows|Angular|React|Vue|Spring(?:\sBoot)?|Symfony|Laravel|Django|Redis|Kafka|SQL\sServer|Elasticsearch|Ubuntu|Debian|Next\.js|Go|C\#|TypeScript|Part|Phase|Type|Level|SOC|ISO|Tier|version|v|Gen|HTTP|TLS|OAuth|IPv|Article|Art\.|Section|PSD|Web|Release)\s?|[A-Za-z]-|[A-Za-z])$",
        RegexOptions.CultureInvariant);
    private static readonly Regex IdentifierAfter = new(@"^(?:[A-Za-z]{1,3}\d|\d|-(?!(?:second|minute|hour|day|week|month|year|person|people|seat|bed|room|core|node|user|member|team|step|page|line)s?\b)[A-Za-z]|/\d|:\d)", RegexOptions.CultureInvariant);
    private static readonly Regex RegulationAfter = new(@"^\s?(?:CFR|USC|U\.S\.C\.)\b", RegexOptions.CultureInvariant);
    private static readonly Regex PeopleNoun = new(
        @"^(?:people|persons?|personnes?|personas?|personen|engineers?|developers?|devs?|programmers?|staff|of\sus|ingénieurs?|développeurs?|desarrolladores?|ingenieros?|entwickler)\b", Opts);
    private static readonly Regex TeamWords = new(@"\b(?:team|équipe|equipo|team:|engineering|of\sus|squads?)\b", Opts);

    private static readonly Regex LatencyWords = new(@"\bp\s?\d{2,3}\b|latenc|respon[sd]|load(?:s|ed)?\b|render|\bwait|answer|come\sback|decision|round[- ]trip|tiempo\sde\srespuesta|temps\sde\sréponse|antwortzeit", Opts);
    private static readonly Regex AvailabilityWords = new(@"availab|uptime|\bSLA\b|\bSLO\b|disponib|verfügbar", Opts);
    private static readonly Regex FreshnessWords = new(@"\bstale\b|fresh|\breach(?:es)?\b|available\s+in|\bvisible\b|\bready\b|\blisto\b|\bprêt|propagat|\bsync(?:ed|hroni[sz]ed)?\b|delivered|up\s+to\s+date|\bactualis|al\s+día", Opts);
    private static readonly Regex BoundWords = new(@"(?:under|below|within|less\sthan|more\sthan|at\smost|no\smore\sthan|not\sexceed|max(?:imum)?|<|≤|<=|en\smenos\sde|moins\sde|dentro\sde|unter|innerhalb|never\sbe\smore\sthan)\s*$", Opts);
    private static readonly Regex Percentile = new(@"\bp\s?(?<p>\d{2,3}(?:\.\d+)?)\b", Opts);
    private static readonly Regex Rpo = new(@"\b(?<k>RPO|RTO)\b(?:\s(?:is|of|=|:|at\smost|under|below|de|≤|<=|<))*\s*(?:~|about|around)?\s*(?<n>\d+(?:[.,]\d+)?)\s?(?<u>ms|seconds?|s|minutes?|mins?|min|hours?|h|hrs?|days?)?", Opts);
    private static readonly Regex ClockDeadline = new(@"(?:before|by|antes\sde\slas?|avant|vor|bis|no\slater\sthan)\s(?<t>\d{1,2}[:h]\d{2})", Opts);
    private static readonly Regex BudgetWords = new(@"budget|presupuesto|spend|cost|gasto|coût|kosten|money|\bgave\s+us|hosting|infra", Opts);

    /// <summary>What one sentence states.</summary>
    public sealed record Result(List<Figure> Figures, List<QualityTarget> Targets);

    /// <summary>Reads one sentence. <paramref name="context"/> is the heading or lead-in the sentence sits under, if any.</summary>
    public static Result Read(string sentence, string? context = null)
    {
        var figures = new List<Figure>();
        var targets = new List<QualityTarget>();
        var used = new List<(int Start, int End)>();

        foreach (Match m in Rpo.Matches(sentence))
        {
            var unit = m.Groups["u"].Success ? TimeUnitName(m.Groups["u"].Value) : "minutes";
            targets.Add(new QualityTarget
            {
                Attribute = m.Groups["k"].Value.ToLowerInvariant(),
                Value = ParseNumber(m.Groups["n"].Value),
                Unit = unit,
                Text = m.Value.Trim(),
            });
            used.Add((m.Index, m.Index + m.Length));
        }

        foreach (Match m in ClockDeadline.Matches(sentence))
        {
            targets.Add(new QualityTarget { Attribute = "freshness", Unit = "clock", Scope = m.Groups["t"].Value, Text = Quote(sentence, m.Index, m.Index + m.Length) });
            used.Add((m.Index, m.Index + m.Length));
        }

        string? lastNoun = null;
        var matches = NumberRegex.Matches(sentence).Where(m => m.Groups["num"].Success).ToList();
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            if (used.Any(u => m.Index < u.End && m.Index + m.Length > u.Start) || !IsFigure(sentence, m))
            {
                continue;
            }

            var figure = Interpret(sentence, m, lastNoun, context);
            var end0 = m.Index + m.Length;
            var rangeAhead = i + 1 < matches.Count && matches[i + 1].Index - end0 <= 5 && Range.Match(sentence[end0..]) is { Success: true } g0 && g0.Length == matches[i + 1].Index - end0;
            if (figure is null && rangeAhead && Interpret(sentence, matches[i + 1], lastNoun, context) is { } upperOnly)
            {
                // "200-500 rps": the lower bound takes the upper bound's unit.
                figure = new Figure { Value = NumberWords.Parse(m), Unit = upperOnly.Unit, Quantity = upperOnly.Quantity + " (lower bound)", Text = upperOnly.Text };
            }

            if (figure is null)
            {
                continue;
            }

            // A range ("200-500 rps", "1 200 à 1 300 par jour", "4 or 6 per show") gives two figures sharing one text and unit.
            var end = m.Index + m.Length;
            Match? upper = null;
            if (i + 1 < matches.Count && matches[i + 1].Index - end <= 5 && Range.Match(sentence[end..]) is { Success: true } gap && gap.Length == matches[i + 1].Index - end)
            {
                upper = matches[i + 1];
                var second = Interpret(sentence, upper, lastNoun, context);
                if (second is not null)
                {
                    figure.Unit = second.Unit;
                    figure.Quantity = second.Quantity;
                    figure.AppliesTo ??= second.AppliesTo;
                    var secondEnd = sentence.IndexOf(second.Text, upper.Index - 1 < 0 ? 0 : Math.Max(0, upper.Index - 3), StringComparison.Ordinal) is var at and >= 0 ? at + second.Text.Length : upper.Index + upper.Length;
                    figure.Text = Quote(sentence, LeadStart(sentence, m.Index), secondEnd);
                    second.Text = figure.Text;
                    second.Quantity += " (upper bound)";
                    if (m.Groups["cur"].Success is false && upper.Groups["cur"].Success)
                    {
                        figure.Unit = second.Unit;
                    }
                }

                i++;
                Classify(sentence, m, figure, figures, targets);
                if (second is not null)
                {
                    Classify(sentence, upper, second, figures, targets);
                }

                lastNoun = NounOf(figure) ?? lastNoun;
                continue;
            }

            Classify(sentence, m, figure, figures, targets);
            lastNoun = NounOf(figure) ?? lastNoun;
        }

        foreach (Match w in WordFigure().Matches(sentence))
        {
            if (NumberWords.Word(w.Groups["word"].Value) is not { } value || figures.Any(f => f.Text.Contains(w.Value, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var noun = w.Groups["noun"].Value.ToLowerInvariant();
            figures.Add(new Figure
            {
                Quantity = "team size",
                Value = value,
                Unit = Regex.IsMatch(noun, @"^(?:of|person|personne|persona)", Opts) ? "people" : noun,
                Text = w.Value.Trim(),
            });
        }

        return new Result(figures, targets);
    }

    private static void Classify(string sentence, Match m, Figure figure, List<Figure> figures, List<QualityTarget> targets)
    {
        var before = sentence[..m.Index];
        var window = Window(sentence, m.Index, 60, 40);
        var unit = figure.Unit;
        if (unit == "%" && AvailabilityWords.IsMatch(window))
        {
            targets.Add(new QualityTarget { Attribute = "availability", Value = figure.Value, Unit = "%", Scope = ScopeOf(sentence), Text = QuoteAround(sentence, m, AvailabilityWords) });
            return;
        }

        if (IsTime(unit) && !figure.Text.Contains('-', StringComparison.Ordinal))
        {
            var bounded = BoundWords.IsMatch(before.TrimEnd(' ', '~')) || Percentile.IsMatch(window);
            if (bounded && IsShortTime(unit) && LatencyWords.IsMatch(window))
            {
                targets.Add(new QualityTarget
                {
                    Attribute = "latency", Value = ToMs(figure.Value, unit), Unit = "ms",
                    Percentile = Percentile.Match(window) is { Success: true } p ? "p" + p.Groups["p"].Value : null,
                    Scope = ScopeOf(sentence), Text = QuoteAround(sentence, m, LatencyWords),
                });
                return;
            }

            if ((bounded || Regex.IsMatch(sentence[(m.Index + m.Length)..], @"^\s?\w*\s*stale", Opts)) && FreshnessWords.IsMatch(window))
            {
                targets.Add(new QualityTarget { Attribute = "freshness", Value = figure.Value, Unit = unit, Scope = ScopeOf(sentence), Text = QuoteAround(sentence, m, FreshnessWords) });
                return;
            }
        }

        figures.Add(figure);
    }

    private static Figure? Interpret(string sentence, Match m, string? lastNoun, string? context)
    {
        var end = m.Index + m.Length;
        var after = sentence[end..];
        var currency = m.Groups["cur"].Success ? m.Groups["cur"].Value : m.Groups["cur2"].Success ? m.Groups["cur2"].Value : null;
        var percent = Percent.IsMatch(after);
        double value;
        try
        {
            value = percent || currency is null && TimeUnit.IsMatch(after) && m.Groups["num"].Value.Contains('.', StringComparison.Ordinal) && !m.Groups["mult"].Success
                ? double.Parse(m.Groups["num"].Value.Replace(",", ".", StringComparison.Ordinal), CultureInfo.InvariantCulture)
                : NumberWords.Parse(m);
        }
        catch (FormatException)
        {
            return null;
        }

        var figure = new Figure { Value = value };
        var quoteEnd = end;
        if (percent)
        {
            figure.Unit = "%";
            quoteEnd = end + Percent.Match(after).Length;
            figure.Quantity = NounPhraseAfter(sentence[quoteEnd..]) ?? "share";
        }
        else if (currency is not null)
        {
            var code = currency switch { "£" or "GBP" => "GBP", "$" or "USD" => "USD", "€" or "EUR" => "EUR", _ => currency };
            figure.Unit = code;
            if (Period.Match(after) is { Success: true } per && PeriodName(per.Groups["p"].Value) is { } p)
            {
                figure.Unit = code + "/" + p;
                quoteEnd = end + per.Length;
            }
            else if (Regex.Match(after, @"^\s?(?:for\s+the\s+|a\s|per\s|para\s+el\s+primer\s|pour\s+l'|par\s)(?<p>year|month|año|an|mois|person|personne)\b", Opts) is { Success: true } forThe)
            {
                figure.Unit = code + "/" + PeriodName(forThe.Groups["p"].Value);
                quoteEnd = end + forThe.Length;
            }

            figure.Quantity = BudgetWords.Match(Window(sentence, m.Index, 80, 30)) is { Success: true } b ? b.Value.ToLowerInvariant() switch
            {
                "spend" or "cost" or "infra" => "infrastructure spend",
                "hosting" => "hosting budget",
                _ => "budget",
            } : "amount";
        }
        else if (RateUnit.Match(after) is { Success: true } rate)
        {
            figure.Unit = "requests/s";
            figure.Quantity = "request rate";
            quoteEnd = end + rate.Length;
        }
        else if (DataUnit.Match(after) is { Success: true } data)
        {
            figure.Unit = data.Groups["u"].Value.ToUpperInvariant().Replace("O", "B", StringComparison.Ordinal);
            figure.Quantity = "size";
            quoteEnd = end + data.Length;
        }
        else if (Ratio.Match(after) is { Success: true } ratio)
        {
            figure.Unit = "x";
            figure.Quantity = "ratio";
            quoteEnd = end + ratio.Length;
        }
        else if (TimeUnit.Match(after) is { Success: true } time)
        {
            figure.Unit = TimeUnitName(time.Groups["u"].Value);
            figure.Quantity = "duration";
            quoteEnd = end + time.Length;
            if (Words.Match(sentence[quoteEnd..]) is { Success: true } noun && after.StartsWith('-'))
            {
                // "an 8-minute hold", "a whole 8-hour shift": the duration of the noun that follows.
                figure.Quantity = noun.Groups["w"].Value.Trim().Split(' ')[0] + " duration";
            }
        }
        else if (Regex.Match(after, @"^\s?/\s?(?<p>s|sec|second|day|d|hour|h|month|week|year|min|minute)\b", Opts) is { Success: true } bare)
        {
            // "12k/day", "2.5M/month": the counted noun is the one already in play in the sentence.
            var noun = lastNoun ?? FirstNoun(sentence) ?? "events";
            figure.Unit = noun + "/" + PeriodName(bare.Groups["p"].Value);
            figure.Quantity = noun + " per " + PeriodName(bare.Groups["p"].Value);
            quoteEnd = end + bare.Length;
        }
        else if (Regex.IsMatch(after, @"^\s?(?:per|par|por|pro|a|an|al|each)\s", Opts) && Period.Match(after) is { Success: true } barePeriod && PeriodName(barePeriod.Groups["p"].Value) is { } bp)
        {
            // "1 200 à 1 300 par jour", "4 or 6 per show": the counted noun is the one already in play.
            var noun = lastNoun ?? FirstNoun(sentence) ?? "events";
            figure.Unit = noun + "/" + bp;
            figure.Quantity = noun + " per " + bp;
            quoteEnd = end + barePeriod.Length;
        }
        else if (PeopleNoun.Match(after.TrimStart()) is { Success: true } people)
        {
            figure.Unit = Regex.IsMatch(people.Value, @"^(?:of|person|personne|persona|personen)", Opts) ? "people" : people.Value.ToLowerInvariant();
            figure.Quantity = TeamWords.IsMatch(Window(sentence, m.Index, 40, 20)) || people.Value.StartsWith("of", StringComparison.OrdinalIgnoreCase) ? "team size" : people.Value.ToLowerInvariant();
            quoteEnd = end + (after.Length - after.TrimStart().Length) + people.Length;
        }
        else if (Regex.Match(after, @"^\s?of\s+(?:them|those|these)\b", Opts) is { Success: true } ofThem)
        {
            // "Counter staff (about 40 of them)": the noun just before the aside.
            figure.Unit = NounBefore(sentence, m.Index) ?? lastNoun ?? FirstNoun(sentence) ?? "items";
            figure.Quantity = figure.Unit;
            quoteEnd = end + ofThem.Length;
        }
        else if (Regex.Match(after, @"^\s?of\s+(?:our|the|their|its|all)\s+(?:[\d.,]+\s?[kKM]?\s+)?(?<n>[\p{L}]+)", Opts) is { Success: true } ofOur)
        {
            // "9,000 of our 31k students".
            figure.Unit = ofOur.Groups["n"].Value.ToLowerInvariant();
            figure.Quantity = figure.Unit;
        }
        else if (NounBefore(sentence, m.Index) is { } before && Regex.IsMatch(sentence[..m.Index], @"\(\s?(?:~|about|around)?\s?$", Opts))
        {
            // "retail partners (12 today, ~60 by …)": the count of the noun the aside follows.
            figure.Unit = before;
            figure.Quantity = before;
        }
        else if (NounPhraseAfter(after) is { } phrase)
        {
            var words = phrase.Split(' ');
            figure.Unit = words[^1].ToLowerInvariant();
            figure.Quantity = phrase.ToLowerInvariant();
            quoteEnd = end + after.IndexOf(phrase, StringComparison.Ordinal) + phrase.Length;
            if (Period.Match(sentence[quoteEnd..]) is { Success: true } per && PeriodName(per.Groups["p"].Value) is { } p && p is not ("person" or "show" or "user"))
            {
                figure.Unit += "/" + p;
                figure.Quantity += " per " + p;
                quoteEnd += per.Length;
            }
            else if (Regex.Match(sentence[quoteEnd..], @"^\s?/\s?(?<p>s|day|hour|month|week|year|min)\b", Opts) is { Success: true } slash)
            {
                figure.Unit += "/" + PeriodName(slash.Groups["p"].Value);
                figure.Quantity += " per " + PeriodName(slash.Groups["p"].Value);
                quoteEnd += slash.Length;
            }
        }
        else if (Regex.IsMatch(sentence[..m.Index], @"\b(?:team|équipe|equipo)\s*:\s*$", Opts))
        {
            figure.Unit = "people";
            figure.Quantity = "team size";
        }
        else
        {
            return null;
        }

        if (figure.Quantity != "team size" && PeopleNoun.IsMatch(figure.Unit) && TeamWords.IsMatch(Window(sentence, m.Index, 40, 25)))
        {
            figure.Quantity = "team size";
        }

        figure.Text = Quote(sentence, LeadStart(sentence, m.Index), quoteEnd);
        figure.AppliesTo = ScopeAfter(sentence[quoteEnd..]) ?? ScopeBefore(sentence[..LeadStart(sentence, m.Index)])
            ?? (figure.Quantity.Contains("budget", StringComparison.Ordinal) ? Purpose(sentence[quoteEnd..]) : null);
        return figure;
    }

    private static int LeadStart(string sentence, int start)
    {
        var lead = Regex.Match(sentence[..start], @"(?:(?:about|around|roughly|approximately|approx\.|nearly|almost|up\sto|at\sleast|at\smost|under|over|more\sthan|less\sthan|peak\sof|peaking\sat|environ|unos|unas|jusqu'à|hasta|etwa|rund|ca\.|maybe|some|~|≈)\s?)+$", Opts);
        return lead.Success ? lead.Index : start;
    }

    private static bool IsFigure(string sentence, Match m)
    {
        var before = sentence[..m.Index];
        var after = sentence[(m.Index + m.Length)..];
        if (m.Groups["cur"].Success || m.Groups["cur2"].Success)
        {
            return true;
        }

        if (ClockAfter.IsMatch(after) || Ordinal.IsMatch(after) || MonthNear.IsMatch(after) || MonthBefore.IsMatch(before)
            || RegulationAfter.IsMatch(after) || IdentifierAfter.IsMatch(after))
        {
            return false;
        }

        // Part of an identifier or version: "TC52", "eu-west-2", "Java 21", "Rails 7", "Part 11", "Q3".
        if (VersionBefore.IsMatch(before) && !Regex.IsMatch(before, @"\b(?:Team|Équipe|Equipo)\s?:?\s?$", Opts))
        {
            return false;
        }

        // A year standing alone ("from 2009", "in 2027").
        var raw = m.Groups["num"].Value;
        return !(Regex.IsMatch(raw, @"^(?:19|20)\d{2}$") && !m.Groups["mult"].Success && NounPhraseAfter(after) is null);
    }

    private static string? NounPhraseAfter(string after)
    {
        var w = Words.Match(after);
        if (!w.Success || after.Length > 0 && !char.IsWhiteSpace(after[0]) && after[0] != '-')
        {
            return null;
        }

        var words = w.Groups["w"].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var kept = new List<string>();
        foreach (var raw in words)
        {
            // "bookings/day": the noun, then the rate is read after it.
            var word = raw.Contains('/', StringComparison.Ordinal) && !raw.StartsWith('/') ? raw[..raw.IndexOf('/', StringComparison.Ordinal)] : raw;
            var lower = word.ToLowerInvariant();
            if (Stop.Contains(lower) || word.Length == 0)
            {
                break;
            }

            kept.Add(word);
            if (word != raw || lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal) && !char.IsUpper(word[0]))
            {
                break;
            }
        }

        if (kept.Count == 0)
        {
            return null;
        }

        // Foreign word order: "1.150 autobuses", "14.000 órdenes de trabajo" keep their first noun.
        return string.Join(' ', kept);
    }

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "or", "but", "a", "an", "the", "is", "are", "was", "were", "be",
        "that", "which", "who", "per", "each", "every", "than", "as", "into", "across", "between", "during", "while", "when", "before", "after",
        "de", "du", "des", "la", "le", "les", "el", "los", "las", "en", "et", "y", "o", "ou", "par", "por", "al", "à", "a", "und", "der", "die", "das",
        "sharp", "today", "now", "maximum", "minimum", "max", "min", "mostly", "it", "we", "they", "you", "our", "their", "its", "this", "these", "those",
        "can", "could", "will", "would", "should", "must", "may", "might", "have", "has", "had", "do", "does", "expected", "combined", "total", "sales",
        "pro", "je", "mit", "im", "am", "bei", "für", "von", "vom", "zum", "zur", "pour", "avec", "sur", "con", "para", "ca", "etwa", "rund", "environ",
    };

    private static string? NounOf(Figure f) => f.Unit.Contains('/', StringComparison.Ordinal) ? f.Unit.Split('/')[0] :
        f.Unit is "%" or "x" || IsTime(f.Unit) || f.Unit.Length == 3 && f.Unit.All(char.IsUpper) || f.Quantity == "size" ? null : f.Unit;

    private static string? NounBefore(string sentence, int index)
    {
        var before = Regex.Match(sentence[..index], @"(?<n>[\p{L}]{3,})\s?\(\s?(?:~|about|around|roughly)?\s?$", Opts);
        return before.Success ? before.Groups["n"].Value.ToLowerInvariant() : null;
    }

    private static string? FirstNoun(string sentence) =>
        Regex.Match(sentence, @"^(?:\W*(?:the|our|their)\s)?(?<n>[\p{L}]+s)\b", Opts) is { Success: true } n ? n.Groups["n"].Value.ToLowerInvariant() : null;

    private static string? ScopeAfter(string after) =>
        Regex.Match(after, @"^\s?(?<s>(?:per|each|for\s+each|par|por|pro)\s+[\p{L}]+|on\s+[A-Z][a-z]+\s+(?:evenings?|mornings?|nights?)|during\s+[^,.;]{3,40}|in\s+its\s+first\s+\w+)", RegexOptions.CultureInvariant) is { Success: true } s
            ? s.Groups["s"].Value.Trim() : null;

    // "a one-off £6,000 for the migration", "£5,000 once for the migration", "400 € par mois pour l'hébergement": what a sum of money is for.
    private static string? Purpose(string after) =>
        Regex.Match(after, @"^\s?(?:(?:once|one-off|up\s?front|in\s+total|une\s+fois|una\s+vez)\s+)?(?<s>(?:for|pour|para|für)\s+(?:(?:the|a|an|our|le|la|les|l'|el|los|las|die|der|das|unsere?)\s*)?[\p{L}\-]+)", Opts) is { Success: true } s
            ? s.Groups["s"].Value.Trim() : null;

    // "each store sells about 500 items a day": the share's unit leads its clause ("each of our DCs ships …").
    private static string? ScopeBefore(string before) =>
        Regex.Match(before, @"(?:^|[,;:(]\s*|\s)(?<k>each|every|chaque|cada)\s+(?:of\s+(?:our|the|its|their)\s+)?(?!(?:of|one|day|night|week|month|year|hour|minute|second|time|morning|evening)s?\b)(?<u>[\p{L}]+)\s+(?:[\p{L}'’]+\s+){0,3}$", Opts) is { Success: true } s
            ? $"{s.Groups["k"].Value.ToLowerInvariant()} {s.Groups["u"].Value}" : null;

    private static string? ScopeOf(string sentence) =>
        Regex.Match(sentence, @"^(?:[\p{L}\-]+\s){0,3}", Opts).Value.Trim() is { Length: > 0 } lead ? lead : null;

    private static string Window(string s, int index, int back, int forward)
    {
        var start = Math.Max(0, index - back);
        var end = Math.Min(s.Length, index + forward);
        return s[start..end];
    }

    private static string QuoteAround(string sentence, Match m, Regex keyword)
    {
        // The target's words: from the nearest keyword before the number (or the number) to the unit after it.
        var start = m.Index;
        var from = Math.Max(0, m.Index - 70);
        var before = sentence[from..m.Index];
        var clause = before.LastIndexOfAny([',', ';', ':', '(']);
        var kw = keyword.Matches(before).LastOrDefault();
        if (kw is not null && (clause < 0 || kw.Index > clause))
        {
            start = from + WordStart(before, kw.Index);
        }
        else
        {
            var bound = Regex.Match(before, @"(?:under|below|within|less\sthan|more\sthan|at\smost|no\smore\sthan|never\sbe\smore\sthan|en\smenos\sde|moins\sde)\s*$", Opts);
            if (bound.Success)
            {
                start = from + bound.Index;
            }
        }

        var end = m.Index + m.Length;
        var tail = Regex.Match(sentence[end..], @"^\s?(?:%|ms|milliseconds?|s\b|seconds?|minutes?|min|hours?|h\b)(?:\s?p\d{2,3})?(?:\sof\sthe\stime|\s\w*\s?stale)?", Opts);
        end += tail.Success ? tail.Length : 0;
        return Quote(sentence, start, end);
    }

    private static int WordStart(string s, int i)
    {
        while (i > 0 && char.IsLetter(s[i - 1]))
        {
            i--;
        }

        return i;
    }

    private static string Quote(string sentence, int start, int end) => sentence[Math.Clamp(start, 0, sentence.Length)..Math.Clamp(end, start, sentence.Length)].Trim().TrimEnd(',', ';', '.', ':');

    private static bool IsTime(string unit) => unit is "ms" or "s" or "minutes" or "hours" or "days" or "weeks" or "months" or "years";

    private static bool IsShortTime(string unit) => unit is "ms" or "s";

    private static double ToMs(double v, string unit) => unit == "s" ? v * 1000 : v;

    private static double ParseNumber(string n) => double.Parse(n.Replace(',', '.'), CultureInfo.InvariantCulture);

    private static string TimeUnitName(string u) => u.ToLowerInvariant() switch
    {
        "ms" or "millisecond" or "milliseconds" => "ms",
        "s" or "sec" or "secs" or "second" or "seconds" or "segundo" or "segundos" or "seconde" or "secondes" => "s",
        "min" or "mins" or "minute" or "minutes" or "minuto" or "minutos" => "minutes",
        "h" or "hr" or "hrs" or "hour" or "hours" or "hora" or "horas" or "heure" or "heures" => "hours",
        "day" or "days" or "día" or "días" or "dias" or "jour" or "jours" => "days",
        "week" or "weeks" or "semana" or "semanas" or "semaine" or "semaines" => "weeks",
        "month" or "months" or "mes" or "meses" or "mois" => "months",
        _ => "years",
    };

    private static string? PeriodName(string p) => p.ToLowerInvariant() switch
    {
        "s" or "sec" or "second" or "seconds" => "s",
        "min" or "minute" or "minutes" or "minuto" or "minutos" => "minute",
        "h" or "hr" or "hour" or "hours" or "heure" or "heures" or "hora" or "horas" => "hour",
        "d" or "day" or "days" or "daily" or "día" or "dia" or "jour" or "jours" or "tag" => "day",
        "week" or "weeks" or "weekly" or "semaine" or "semaines" or "semana" or "semanas" => "week",
        "month" or "months" or "monthly" or "mois" or "mes" or "monat" => "month",
        "year" or "years" or "yearly" or "annually" or "año" or "an" or "jahr" => "year",
        "person" or "personne" or "persona" => "person",
        "show" => "show",
        "user" => "user",
        _ => null,
    };

    [GeneratedRegex(@"\b(?<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|deux|trois|quatre|cinq|dos|tres|cuatro|cinco|zwei|drei|vier|fünf)\s(?<noun>of\sus|people|persons?|engineers|developers|devs|personnes|personas|desarrolladores|entwickler)\b|\b(?<word>one|a\ssingle)\s(?<noun>person)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordFigure();
}
