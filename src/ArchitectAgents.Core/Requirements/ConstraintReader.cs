using ArchitectAgents.Core.Security;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Reads the hard limits a sentence states: cloud and hosting, regions, data residency, compliance regimes (with the
/// clause that triggers each), stack, identity and payment providers, deadlines, exclusions and invariants.
/// Budget and team constraints come from the figures.
/// </summary>
public static partial class ConstraintReader
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly (string Value, Regex Pattern)[] Clouds =
    [
        ("AWS", new Regex(@"\bAWS\b|Amazon\s+Web\s+Services", Opts)),
        ("Azure", new Regex(@"\bAzure\b", Opts)),
        ("GCP", new Regex(@"\bGCP\b|Google\s+Cloud", Opts)),
        ("on-premises", new Regex(@"on[- ]prem(?:ise|ises)?\b|\bown\s+data\s*cent(?:er|re)|\bCPD\b|centro\s+de\s+(?:datos|proceso)|centre\s+de\s+données|Rechenzentrum|\bVMware\b|\bour\s+(?:\w+\s+)?data\s*cent(?:er|re)\b", Opts)),
    ];

    private static readonly (string Value, Regex Pattern)[] Regimes =
    [
        ("GDPR", new Regex(@"\b(?:UK\s+)?GDPR\b|\bRGPD\b|\bDSGVO\b", Opts)),
        ("HIPAA", new Regex(@"\bHIPAA\b|\bPHI\b", RegexOptions.CultureInvariant)),
        ("PCI DSS", new Regex(@"\bPCI(?:[\s-]?DSS)?\b|\bSAQ\s?A\b|cardholder\s+data", Opts)),
        ("SOC 2", new Regex(@"\bSOC\s?-?2\b", Opts)),
        ("21 CFR Part 11", new Regex(@"\b21\s+CFR\s+Part\s+11\b|\bPart\s+11\b", Opts)),
        ("ENS", new Regex(@"\bENS\b|Esquema\s+Nacional\s+de\s+Seguridad", RegexOptions.CultureInvariant)),
        ("PSD2", new Regex(@"\bPSD2\b|\bSCA\b", RegexOptions.CultureInvariant)),
        ("AML", new Regex(@"\bAML\b|anti[- ]money\s+laundering", Opts)),
        ("ISO 27001", new Regex(@"\bISO\s?27001\b", Opts)),
        ("NIS2", new Regex(@"\bNIS\s?2\b", Opts)),
        ("DORA", new Regex(@"\bDORA\b", RegexOptions.CultureInvariant)),
        ("CCPA", new Regex(@"\bCCPA\b|\bCPRA\b", RegexOptions.CultureInvariant)),
        ("FERPA", new Regex(@"\bFERPA\b", RegexOptions.CultureInvariant)),
        ("LGPD", new Regex(@"\bLGPD\b", RegexOptions.CultureInvariant)),
        ("HDS", new Regex(@"\bHDS\b|hébergeur\s+de\s+données\s+de\s+santé", Opts)),
    ];

    private static readonly Regex AwsRegion = new(@"\b(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:east|west|north|south|central|northeast|southeast|southwest|northwest)-\d\b", Opts);
    private static readonly Regex GcpRegion = new(@"\b(?:europe|us|asia|australia|northamerica|southamerica|me|africa)-(?:north|south|east|west|central|northeast|southeast|southwest|northwest)\d\b", Opts);
    private static readonly Regex AzureRegion = new(@"\b(?:UK\s+South|UK\s+West|West\s+Europe|North\s+Europe|East\s+US(?:\s?2)?|West\s+US(?:\s?[23])?|Central\s+US|Germany\s+West\s+Central|France\s+Central|Sweden\s+Central|Switzerland\s+North|Norway\s+East|Southeast\s+Asia|East\s+Asia|Australia\s+East|Japan\s+East|Canada\s+Central|UAE\s+North|Brazil\s+South|Italy\s+North|Poland\s+Central|Spain\s+Central)\b", RegexOptions.CultureInvariant);

    private static readonly Regex Residency = new(
        @"(?:\b(?:stay|stays|kept|keep|remain|remains|hosted|stored|reside|resides|live|lives|held)\s+(?:in|within|inside)\s+(?:the\s+)?(?<place>[\p{Lu}][\p{L}/]*(?:\s?/\s?[\p{Lu}][\p{L}]*)?(?:\s+(?:and|or)\s+[\p{Lu}][\p{L}]*)?)|\b(?:must\s+not|never|no)\s+(?:leave|be\s+(?:stored|replicated|copied)\s+(?:in|to|outside))\s+(?:the\s+)?(?<place>[\p{Lu}][\p{L}]*)|hébergée?s?\s+en\s+(?<place>[\p{Lu}][\p{L}]+)|alojad[oa]s?\s+en\s+(?<place>[\p{Lu}][\p{L}]+)|data\s+residency\s*(?::|in)?\s*(?<place>[\p{Lu}][\p{L}]+)|\b(?<place>EU|UK|US)[- ]only\s+data|\bdata\s+(?:stays|must\s+stay)\s+(?:in\s+)?(?:the\s+)?(?<place>[\p{Lu}][\p{L}]*))",
        RegexOptions.CultureInvariant);

    private static readonly Regex Deadline = new(
        @"\b(?:by|before|until|in\s+time\s+for|has\s+to\s+work\s+for|must\s+run\s+on\s+it\s+in|live\s+(?:in|by|before)|go(?:es)?\s+live\s+(?:first\s+)?(?:in|by|before)|launch(?:ing)?\s+(?:in|by)|antes\s+de|avant|en|d'ici|bis)\s+(?:the\s+|next\s+|l'|le\s+|la\s+)?(?<when>(?:\d{1,2}\s+)?(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|august|september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|spring|summer|autumn|fall|winter|été|printemps|automne|hiver|verano|otoño|invierno|primavera|Q[1-4]|the\s+peak|(?:\w+\s+)?(?:registration|season|launch|release|deadline))\b(?:\s+\d{4})?)|\b(?<when>\d+\s+(?:weeks|months|días|semanas|meses|semaines|mois)\s+(?:from\s+now|away))|\bin\s+(?<when>\d+\s+months)\b|\bin\s+the\s+(?<when>spring|summer|autumn|fall|winter)\b",
        Opts);

    private static readonly Regex Exclusion = new(
        @"\b(?:no|not|never|without|don't\s+want|do\s+not\s+want|won't|nobody\s+(?:here\s+)?wants?|doesn't\s+want|ruled\s+out|said\s+no|avoid|rather\s+not|must\s+not|cannot|can't|sin|pas\s+de|kein(?:e|en)?)\b[^.;]{0,60}?\b(?<what>public\s+cloud|cloud|kafka|kubernetes|k8s|microservices?|payments?|ads|adverts?|advertising|another\s+identity\s+product|identity\s+product|vendor\s+lock-?in|teams|saas|on[- ]call|servers?|VMs?|new\s+(?:datastore|database|service)|\w+\s+(?:licen[cs]e|licensing))\b(?:(?<=call)\s+(?:at\s+(?:the\s+)?weekends?|on\s+weekends?|at\s+night|overnight|out\s+of\s+hours|24/7|around\s+the\s+clock)\b)?",
        Opts);

    private static readonly Regex Invariant = new(
        @"\b(?:must\s+never|should\s+never|never|no\s+(?:\w+\s+){0,3}ever|jamais|nunca|nie)\b(?<what>[^.;]{5,100})|\bwithout\s+(?<what>(?:two|any|a|an|the)\s+(?:\w+\s+){1,3}being\s+\w+[^.;]{3,80})",
        Opts);

    // Where the users are: "in 11 European countries", "employees across offices in the UK, UAE and Singapore".
    private static readonly Regex Market = new(
        @"\b(?:in|across)\s+(?<where>\d+\s+(?:[\p{Lu}][\p{L}]+\s+)?countries)\b|\b(?:users?|customers?|employees|staff|offices|stores|branches|hotels|sites|fans|members)\s+(?:\w+\s+){0,2}(?:in|across)\s+(?:the\s+)?(?<where>[\p{Lu}][\p{L}]+(?:,\s+(?:the\s+)?[\p{Lu}][\p{L}]+)*\s+(?:and|&)\s+(?:the\s+)?[\p{Lu}][\p{L}]+)",
        RegexOptions.CultureInvariant);

    // Stated retention: "Retention is 7 years for project channels", "kept for at least 15 years".
    private static readonly Regex Retention = new(
        @"\bretention\s+(?:is|of|period\s+is)?\s*(?<what>\d+\s+(?:years?|months?|days?)[^.;]{0,80})|\b(?:kept|retained|stored|archived)\s+for\s+(?<what>(?:at\s+least\s+)?\d+\s+(?:years?|months?|days?))",
        Opts);

    // Stated but unquantified wishes, kept so the designer asks instead of inventing a figure.
    private static readonly Regex VagueBudget = new(@"\b(?:cheap|inexpensive|low[- ]cost|on\s+a\s+(?:tight\s+)?budget|shoestring)\b", Opts);
    private static readonly Regex VagueDeadline = new(@"\b(?:live|launch|ready|done)\s+(?:fairly\s+|very\s+|pretty\s+|quite\s+)?soon\b|\bas\s+soon\s+as\s+possible\b|\bASAP\b", Opts);
    private static readonly Regex Mobile = new(@"\bmobile[- ]friendly\b|\b(?:work|look)s?\s+(?:well\s+)?on\s+(?:phones|mobiles?|smartphones)\b|\bmobile[- ]first\b|\bresponsive\s+(?:design|web)\b", Opts);

    private static readonly Regex Privacy = new(@"\bmust\s+not\s+be\s+used\s+to\s+(?:track|monitor|profile)|\bno\s+(?:individual\s+)?(?:performance\s+)?tracking|\bpseudonymi|\banonymi[sz]", Opts);

    private static readonly (string Value, Regex Pattern)[] Identity =
    [
        ("Entra ID", new Regex(@"\bEntra(?:\s+ID)?\b|\bAzure\s+AD\b", Opts)),
        ("Okta", new Regex(@"\bOkta\b", Opts)),
        ("Auth0", new Regex(@"\bAuth0\b", Opts)),
        ("Cognito", new Regex(@"\bCognito\b", Opts)),
        ("Keycloak", new Regex(@"\bKeycloak\b", Opts)),
        ("Google Workspace", new Regex(@"\bGoogle\s+Workspace\b", Opts)),
        ("Devise", new Regex(@"\bDevise\b", RegexOptions.CultureInvariant)),
    ];

    private static readonly (string Value, Regex Pattern)[] Payments =
    [
        ("Stripe", new Regex(@"\bStripe\b", RegexOptions.CultureInvariant)),
        ("Adyen", new Regex(@"\bAdyen\b", RegexOptions.CultureInvariant)),
        ("PayPal", new Regex(@"\bPayPal\b", Opts)),
        ("Braintree", new Regex(@"\bBraintree\b", RegexOptions.CultureInvariant)),
        ("Mollie", new Regex(@"\bMollie\b", RegexOptions.CultureInvariant)),
        ("Square", new Regex(@"\bSquare\b(?=\s+(?:payments?|checkout|terminal))", RegexOptions.CultureInvariant)),
        ("SEPA Instant", new Regex(@"\bSEPA(?:\s+Instant)?\b", RegexOptions.CultureInvariant)),
    ];

    /// <summary>The constraints one sentence states.</summary>
    public static IEnumerable<Constraint> Read(string sentence, TechnologyNames technologies)
    {
        foreach (var (value, pattern) in Clouds)
        {
            if (pattern.IsMatch(sentence) && !IsNegated(sentence, pattern))
            {
                yield return new Constraint { Kind = value == "on-premises" ? "hosting" : "cloud", Value = value, Text = sentence };
            }
        }

        foreach (var region in AwsRegion.Matches(sentence).Concat(GcpRegion.Matches(sentence)).Concat(AzureRegion.Matches(sentence)))
        {
            yield return new Constraint { Kind = "region", Value = region.Value, Text = sentence };
        }

        foreach (Match residency in Residency.Matches(sentence))
        {
            yield return new Constraint { Kind = "residency", Value = residency.Groups["place"].Value.Trim(), Text = sentence };
        }

        foreach (var (value, pattern) in Regimes)
        {
            if (pattern.Match(sentence) is { Success: true })
            {
                yield return new Constraint { Kind = "compliance", Value = value, Text = sentence };
            }
        }

        foreach (var (value, pattern) in Identity)
        {
            if (pattern.IsMatch(sentence))
            {
                yield return new Constraint { Kind = "identity", Value = value, Text = sentence };
            }
        }

        foreach (var (value, pattern) in Payments)
        {
            if (pattern.IsMatch(sentence))
            {
                yield return new Constraint { Kind = "payments", Value = value, Text = sentence };
            }
        }

        var stack = technologies.StackIn(sentence);
        if (stack.Count > 0)
        {
            yield return new Constraint { Kind = "stack", Value = string.Join(", ", stack), Text = sentence };
        }

        foreach (Match deadline in Deadline.Matches(sentence))
        {
            yield return new Constraint { Kind = "deadline", Value = deadline.Value.Trim(), Text = sentence };
            break;
        }

        foreach (Match exclusion in Exclusion.Matches(sentence))
        {
            yield return new Constraint { Kind = "exclusion", Value = exclusion.Value.Trim(), Text = sentence };
        }

        foreach (Match market in Market.Matches(sentence))
        {
            yield return new Constraint { Kind = "market", Value = market.Groups["where"].Value, Text = sentence };
        }

        if (Retention.Match(sentence) is { Success: true } retention)
        {
            yield return new Constraint { Kind = "retention", Value = retention.Groups["what"].Value.Trim().TrimEnd(','), Text = sentence };
        }

        if (VagueBudget.IsMatch(sentence))
        {
            yield return new Constraint { Kind = "budget", Value = VagueBudget.Match(sentence).Value + " (not quantified)", Text = sentence };
        }

        if (VagueDeadline.IsMatch(sentence) && !Deadline.IsMatch(sentence))
        {
            yield return new Constraint { Kind = "deadline", Value = VagueDeadline.Match(sentence).Value + " (not quantified)", Text = sentence };
        }

        if (Mobile.IsMatch(sentence))
        {
            yield return new Constraint { Kind = "client", Value = "mobile-friendly", Text = sentence };
        }

        if (Privacy.IsMatch(sentence))
        {
            yield return new Constraint { Kind = "privacy", Value = Privacy.Match(sentence).Value, Text = sentence };
        }

        if (Invariant.Match(sentence) is { Success: true } invariant && !Exclusion.IsMatch(sentence) && InstructionDetector.Why(sentence) is null)
        {
            yield return new Constraint { Kind = "invariant", Value = invariant.Value.Trim(), Text = sentence };
        }
    }

    private static bool IsNegated(string sentence, Regex pattern)
    {
        var m = pattern.Match(sentence);
        var before = sentence[..m.Index];
        return NegatedBefore().IsMatch(before);
    }

    [GeneratedRegex(@"\b(?:no|not|never|without|avoid)\s+(?:\w+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex NegatedBefore();
}
