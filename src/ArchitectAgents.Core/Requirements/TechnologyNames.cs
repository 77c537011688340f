using System.Text.RegularExpressions;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Requirements;

/// <summary>
/// Recognises technology and product names in a sentence: the knowledge base's catalogue plus the stack and product
/// names of <c>reading.json</c> (languages, frameworks, datastores, platforms and vendors a brief may name).
/// </summary>
public sealed class TechnologyNames
{
    private static readonly Lazy<TechnologyNames> Shared = new(() => new TechnologyNames(KnowledgeBase.Default, ReadingLexicon.Default));
    private readonly List<(string Name, string Kind, Regex Pattern)> _names;

    private TechnologyNames(KnowledgeBase knowledge, ReadingLexicon lexicon)
    {
        _names = [];
        foreach (var (name, kind) in lexicon.StackNames.Select(n => (n, "stack")).Concat(lexicon.ProductNames.Select(n => (n, "product"))))
        {
            _names.Add((name, kind, Pattern(name)));
        }

        foreach (var tech in knowledge.Technologies.Technologies)
        {
            var shortName = Regex.Replace(tech.Name, @"\s*\(.*\)$", "");
            if (_names.All(n => !n.Name.Equals(shortName, StringComparison.OrdinalIgnoreCase)))
            {
                _names.Add((shortName, "product", Pattern(shortName)));
            }
        }
    }

    /// <summary>The shared instance.</summary>
    public static TechnologyNames Default => Shared.Value;

    /// <summary>Languages, frameworks and datastores named in the text, with any version as written ("Rails 7", "Oracle 19c").</summary>
    public List<string> StackIn(string text) => Find(text, "stack");

    /// <summary>Every technology or product named in the text.</summary>
    public List<string> In(string text) => Find(text, null);

    private List<string> Find(string text, string? kind)
    {
        var found = new List<(int Index, string Name)>();
        foreach (var (name, k, pattern) in _names)
        {
            if (kind is not null && k != kind)
            {
                continue;
            }

            foreach (Match m in pattern.Matches(text))
            {
                if (found.All(f => f.Index != m.Index && !(m.Index > f.Index && m.Index < f.Index + f.Name.Length)))
                {
                    found.Add((m.Index, m.Value.Trim()));
                }
            }
        }

        // Longer names win over names inside them ("Azure SQL" over "Azure", "Ruby on Rails 7" over "Rails").
        var kept = found.Where(f => !found.Any(o => o != f && o.Index <= f.Index && o.Index + o.Name.Length >= f.Index + f.Name.Length && o.Name.Length > f.Name.Length)).ToList();
        return [.. kept.OrderBy(f => f.Index).Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static Regex Pattern(string name)
    {
        var escaped = Regex.Escape(name).Replace(@"\ ", @"\s+", StringComparison.Ordinal);
        var start = char.IsLetterOrDigit(name[0]) ? @"(?<![\p{L}\d.])" : "";
        var end = char.IsLetterOrDigit(name[^1]) ? @"(?![\p{L}])" : "";
        // Names are matched as written (proper nouns): "Go" the language, not "go" the verb. A version right after the name belongs to it ("Java 21", "MySQL 8", "Oracle 19c", "Rails 7").
        return new Regex(start + escaped + end + @"(?:\s?v?\d+(?:\.\d+)*[a-z]?\b(?!\s?(?:%|ms|s\b|minutes|hours|days|years|people|engineers|developers)))?", RegexOptions.CultureInvariant);
    }
}
