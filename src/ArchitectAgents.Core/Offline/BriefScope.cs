using System.Text.RegularExpressions;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>
/// Whether a brief says anything about what the system does. A requirement, a domain or a known entity is
/// enough; failing those, any word that is not filler, a generic software word or a technology name
/// ("notes", "warehouse", "tutoring") counts, so a short but real brief is never called empty.
/// </summary>
internal static partial class BriefScope
{
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "for", "with", "that", "this", "our", "your", "their", "them", "they", "you", "who", "what", "which", "will", "would",
        "should", "could", "can", "must", "need", "needs", "want", "wants", "like", "please", "make", "build", "create", "design", "develop",
        "write", "give", "get", "have", "has", "are", "was", "were", "been", "being", "some", "something", "anything", "thing", "things", "all",
        "any", "very", "really", "just", "also", "new", "good", "best", "great", "nice", "simple", "modern", "fast", "quick", "cool", "from",
        "into", "about", "over", "under", "more", "most", "much", "many", "lot", "lots", "its", "his", "her", "not", "but", "yes", "let",
        "app", "apps", "application", "applications", "system", "systems", "service", "services", "platform", "software", "tool", "tools",
        "solution", "product", "project", "website", "site", "web", "mobile", "backend", "frontend", "api", "apis", "rest", "server",
        "cloud", "scalable", "scale", "scaling", "secure", "security", "reliable", "robust", "performant", "performance", "architecture",
        "microservice", "microservices", "monolith", "serverless", "database", "databases", "data", "stack", "tech", "technology",
        "users", "user", "people", "customers", "customer", "team", "company", "business", "enterprise", "startup", "production",
        "ignore", "instructions", "previous", "above", "prompt", "mark", "every", "check", "checks", "passed", "pass", "output",
    };

    private static readonly HashSet<string> TechnologyWords = new(
        KnowledgeBase.Default.Technologies.Technologies.SelectMany(t => new[] { t.Id, t.Name }),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the context or the text gives the system a purpose.</summary>
    public static bool Has(ContextSection context, string text) =>
        context.FunctionalRequirements.Count > 0
        || !string.IsNullOrWhiteSpace(context.Domain) && context.Domain != "unspecified"
        || context.Entities.Any(e => e != "user")
        || ContentWords(text).Any();

    /// <summary>Words of three letters or more that are neither filler nor generic software vocabulary nor a technology name.</summary>
    public static IEnumerable<string> ContentWords(string text)
    {
        foreach (Match match in Word().Matches(text))
        {
            var word = match.Value;
            if (Generic.Contains(word) || TechnologyWords.Contains(word))
            {
                continue;
            }

            yield return word;
        }
    }

    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex Word();
}
