using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// The ownership lines the brief names beside its count of teams ("25 people in 4 teams (inventory, checkout, fan
/// accounts, platform)", "9 squads that already own separate domains: onboarding/KYC, accounts &amp; ledger, …"): the
/// list in brackets or after the colon that follows the count. A services split follows these, one service per domain.
/// </summary>
internal static partial class TeamDomains
{
    /// <summary>A domain a team owns: its name as the brief writes it and the words that recognise its things.</summary>
    /// <param name="Name">The domain as written ("accounts &amp; ledger").</param>
    /// <param name="Role">What kind of team it is: "platform" (owns the edge and shared infrastructure), "client" (an app: a backend for it), or "domain".</param>
    public sealed record Domain(string Name, string Role)
    {
        /// <summary>The domain's words, singular, for matching the entities it owns ("account", "ledger").</summary>
        public IReadOnlyList<string> Words { get; } = [.. WordPattern().Matches(Name).Select(m => Requirements.Inflection.Singular(m.Value.ToLowerInvariant())).Where(w => w.Length >= 3 && w is not "and" and not "the")];

        /// <summary>A service-name form ("Accounts &amp; ledger").</summary>
        public string Title => char.ToUpperInvariant(Name[0]) + Name[1..];
    }

    /// <summary>The domains named after the team count in the brief's existing decisions or sentences; empty when none is listed.</summary>
    public static IReadOnlyList<Domain> Of(RequirementsModel model)
    {
        var counts = model.Figures.Where(x => !x.Derived && IsTeamCount(x)).Select(x => x.Text).Where(t => t.Length > 0).ToList();
        var texts = model.ExistingDecisions.Select(d => d.Text).Concat(model.Constraints.Select(c => c.Text)).Distinct(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var count in counts)
            {
                var at = text.IndexOf(count, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                var list = ListAfter(text[(at + count.Length)..]);
                if (list.Count >= 3)
                {
                    return list;
                }
            }
        }

        return [];
    }

    /// <summary>"9 squads", "4 teams", "6 domains": a figure that counts ownership lines.</summary>
    public static bool IsTeamCount(Figure figure) =>
        figure.Quantity.Contains("squad", StringComparison.OrdinalIgnoreCase) || figure.Unit.Contains("squad", StringComparison.OrdinalIgnoreCase)
        || figure.Unit.Contains("domain", StringComparison.OrdinalIgnoreCase) || figure.Unit.Contains("team", StringComparison.OrdinalIgnoreCase);

    // The bracketed list or the list after the next colon, within the sentence: items split on commas and a final "and".
    private static List<Domain> ListAfter(string rest)
    {
        var m = BracketOrColonList().Match(rest);
        if (!m.Success)
        {
            return [];
        }

        var items = m.Groups["list"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(i => i.StartsWith("and ", StringComparison.OrdinalIgnoreCase) ? [i[4..]] : i.Split(" and ", StringSplitOptions.TrimEntries))
            .Select(i => LeadingArticle().Replace(i.Trim().TrimEnd('.', ')'), ""))
            .Where(i => i.Length is > 1 and < 40 && !i.Any(char.IsDigit))
            .ToList();
        return [.. items.Select(i => new Domain(i, RoleOf(i)))];
    }

    private static string RoleOf(string item) =>
        PlatformWords().IsMatch(item) ? "platform" : ClientWords().IsMatch(item) ? "client" : "domain";

    [GeneratedRegex(@"^[^.;]{0,60}?(?:\((?<list>[^)]{3,300})\)|:\s*(?<list>[^.;]{3,300}))")]
    private static partial Regex BracketOrColonList();

    [GeneratedRegex(@"^(?:the|our|a)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"\b(?:platform|infrastructure|infra|sre|devops|ops)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlatformWords();

    [GeneratedRegex(@"\b(?:mobile|app|apps|web|frontend|front-end|ios|android)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClientWords();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();
}
