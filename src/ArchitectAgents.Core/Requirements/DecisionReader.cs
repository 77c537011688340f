using ArchitectAgents.Core.Security;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Reads the choices already made: everything under an "existing" heading, sentences that say a thing is already in
/// place ("we're on GCP", "SAP EWM is the system of record", "the ledger stays"), sentences that name a product in
/// the present tense ("card payments go through Stripe"), and stated refusals ("we don't want another identity product").
/// </summary>
public static partial class DecisionReader
{
    /// <summary>The decision one sentence states, or null.</summary>
    public static ExistingDecision? Read(string sentence, string? heading, TechnologyNames technologies, string source)
    {
        if (sentence.TrimStart().StartsWith('#'))
        {
            // A heading ("## Existing decisions (keep these)") introduces decisions; it is not one.
            return null;
        }

        var names = technologies.In(sentence);
        var underExisting = heading is not null && ExistingHeading().IsMatch(heading);
        var says = ExistingWords().IsMatch(sentence) || TeamLines().IsMatch(sentence);
        if (underExisting || says)
        {
            // Products the catalogue does not know are named as products are ("our channel manager (Hostaway)",
            // "through Airbnb and Vrbo"): kept as the brief spells them.
            names.AddRange(ProductNamesIn(sentence).Where(n => !names.Any(k => k.Contains(n, StringComparison.OrdinalIgnoreCase) || n.Contains(k, StringComparison.OrdinalIgnoreCase))));
            names = [.. names.Distinct(StringComparer.OrdinalIgnoreCase)];
        }
        var refuses = Refusal().IsMatch(sentence) && (names.Count > 0 || RefusedThing().IsMatch(sentence));
        var presentUse = names.Count > 0 && !Wish().IsMatch(sentence) && !InstructionLike(sentence);
        if (!(underExisting || says || refuses || presentUse))
        {
            return null;
        }

        if (!underExisting && !says && !refuses && names.All(n => IsOnlyRegulationOrPlace(n)))
        {
            return null;
        }

        return new ExistingDecision
        {
            Decision = Shorten(sentence),
            Technologies = names,
            Source = source,
            Text = sentence,
        };
    }

    /// <summary>Capitalised names in a product's place: in brackets after "our &lt;system&gt;", or listed after "through", "via" or "using".</summary>
    public static IEnumerable<string> ProductNamesIn(string sentence)
    {
        var lexicon = ReadingLexicon.Default;
        var found = Bracketed().Matches(sentence).Select(m => m.Groups["n"].Value)
            .Concat(Listed().Matches(sentence).SelectMany(m => ListSeparator().Split(m.Groups["list"].Value)));
        return found.Select(n => n.Trim().TrimEnd('.', ',', ';', ')'))
            .Where(n => n.Length >= 3 && n.Count(char.IsLetter) >= 3 && char.IsUpper(n[0]) && !NotProducts.Contains(n) && !lexicon.ProtocolNames.Contains(n) && !lexicon.PlatformNames.Contains(n) && !n.All(char.IsUpper))
            .Distinct(StringComparer.Ordinal);
    }

    // Capitalised words in a product's place that are no product: pronouns, days, months, places of regulation.
    private static readonly HashSet<string> NotProducts = new(StringComparer.OrdinalIgnoreCase)
    {
        "We", "Our", "The", "This", "That", "They", "It", "Europe", "European", "America", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Christmas", "Android", "Apple", "Google", "Microsoft", "Amazon",
    };

    [GeneratedRegex(@"\b(?:our|the|their|its)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*\((?<n>[A-Z][\w.&'-]*(?:\s+[A-Z0-9][\w.&'-]*){0,2})\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\b(?:through|via|using)\s+(?<list>[A-Z][\w.&'-]+(?:\s+[A-Z0-9][\w.&'-]*){0,2}(?:\s*(?:,|\band\b|\bor\b)\s*[A-Z][\w.&'-]+(?:\s+[A-Z0-9][\w.&'-]*){0,2})*)")]
    private static partial Regex Listed();

    [GeneratedRegex(@"\s*(?:,|\band\b|\bor\b)\s*")]
    private static partial Regex ListSeparator();

    private static bool InstructionLike(string s) => InstructionDetector.Why(s) is not null;

    private static bool IsOnlyRegulationOrPlace(string name) => name is "SAS" or "SFTP";

    private static string Shorten(string sentence)
    {
        var s = sentence.Trim().TrimEnd('.', ';');
        return s.Length <= 160 ? s : s[..157].TrimEnd() + "…";
    }

    [GeneratedRegex(@"existing|current|keep|already|in\s+place|landscape|today|as[- ]is|actuel|existant|existente|actual|bestehend|vorhanden", RegexOptions.IgnoreCase)]
    private static partial Regex ExistingHeading();

    [GeneratedRegex(@"\b(?:already|existing|we're\s+on|we\s+are\s+on|we\s+run\s+on|runs?\s+on|everything\s+(?:is|runs)\s+(?:on|in)|system\s+of\s+record|stays\b|stay\s+as|we\s+use|we're\s+an?\s+[\w-]+\s+shop|we\s+are\s+an?\s+[\w-]+\s+shop|licen[cs]ed|licenciado|ya\s+tenemos|actuel(?:le)?s?|existant|déjà|bestehend|bereits|owned\s+by|is\s+owned|through\s+our|via\s+our|our\s+(?:current|existing)|currently|we\s+hold|we\s+keep|que\s+ya|nuestro\s+actual|notre\s+prestataire)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExistingWords();

    // The teams the organisation already has are a decision a design follows ("~25 people in 4 teams (inventory, checkout, …)").
    [GeneratedRegex(@"\b(?:in|into|across)\s+\d+\s+(?:teams|squads|tribes)\s*[(:]", RegexOptions.IgnoreCase)]
    private static partial Regex TeamLines();

    [GeneratedRegex(@"\b(?:don't\s+want|do\s+not\s+want|won't|nobody\s+(?:here\s+)?wants?|ruled\s+out|said\s+no|not\s+allowed|no\s+public\s+cloud|must\s+not\s+use|ne\s+voulons\s+pas|no\s+queremos)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Refusal();

    [GeneratedRegex(@"\b(?:identity\s+product|public\s+cloud|cloud|vendor|product|service|platform|tool)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefusedThing();

    [GeneratedRegex(@"\b(?:want(?:s)?\s+to\s+(?:replace|move|build|migrate)|we\s+need|would\s+like|should\s+we|could\s+we|consider|maybe|might|instead\s+of|replacing|replace)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Wish();
}
