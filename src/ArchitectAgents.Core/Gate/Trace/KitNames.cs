using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;
using ArchitectAgents.Core.Offline;

namespace ArchitectAgents.Core.Gate;

/// <summary>Finds a technology the brief names ("Postgres", "Sidekiq 7", "Entra ID") among the design's picks, by name or catalogue alias.</summary>
internal static class KitNames
{
    public static TechnologyChoice? Find(DesignSection design, string stated)
    {
        var name = stated.Trim();
        if (name.Length == 0)
        {
            return null;
        }

        foreach (var tech in design.Technologies)
        {
            var known = KnowledgeBase.Default.Technology(tech.Id);
            var names = (known is null ? [] : KitFitter.Names(known)).Append(tech.Name).Append(KitFitter.ShortName(tech.Name));
            if (names.Any(n => n.Length > 0 && (ExistingStack.Mentions(name, n) || ExistingStack.Mentions(n, name))))
            {
                return tech;
            }
        }

        return null;
    }

    /// <summary>The products a constraint's value lists ("Kotlin, Postgres", "Sidekiq + Redis").</summary>
    public static string[] Listed(string value) => value.Split([',', '/', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A pick run by the named cloud provider ("GCP" → a google-* service), or null.</summary>
    public static TechnologyChoice? OnCloud(DesignSection design, string cloud)
    {
        var prefixes = CloudPrefixes.FirstOrDefault(c => c.Names.Any(n => string.Equals(n, cloud.Trim(), StringComparison.OrdinalIgnoreCase))).Prefixes ?? [];
        return design.Technologies.FirstOrDefault(t => prefixes.Any(p => t.Id.StartsWith(p, StringComparison.Ordinal)));
    }

    /// <summary>True when the name is one of the public clouds.</summary>
    public static bool IsCloud(string name) => CloudPrefixes.Any(c => c.Names.Any(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase)));

    // The three public clouds by the names briefs use and the id prefixes of their services in the catalogue.
    private static readonly (string[] Names, string[] Prefixes)[] CloudPrefixes =
    [
        (["AWS", "Amazon Web Services", "Amazon"], ["aws-", "amazon-"]),
        (["GCP", "Google Cloud", "Google Cloud Platform"], ["google-", "gcp-"]),
        (["Azure", "Microsoft Azure"], ["azure-"]),
    ];
}
