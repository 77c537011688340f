using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Gate;

/// <summary>
/// Each technology is named with the version the technology table picks wherever the design names one: "PostgreSQL 16"
/// in the schema header against 17 in the table is two versions of one pick. A minimum ("15+") holds when the pick
/// meets it; a version after "since", "than" or "before" is history, not a pick. Departures quote the old decision
/// on purpose and are not read.
/// </summary>
public sealed partial class TechnologyVersionCheck : IDesignCheck
{
    /// <inheritdoc />
    public string Id => "technology-versions";

    /// <inheritdoc />
    public string Title => "Each technology is named with one version across the design";

    /// <inheritdoc />
    public CheckResult Run(DesignView view)
    {
        var passages = view.Passages.Where(p => p.Location.StartsWith("design.", StringComparison.Ordinal) && !p.Location.StartsWith("design.departures", StringComparison.Ordinal)).ToList();
        var findings = new List<Contradiction>();
        var mentions = 0;
        foreach (var tech in view.Design.Technologies.Where(t => t.Name.Length > 0 && t.Version.Length > 0))
        {
            var pattern = new Regex($@"(?<before>\b\w+\s+)?\b{Regex.Escape(tech.Name)}\s+v?(?<version>\d+(?:\.\d+){{0,2}})(?<min>\+)?(?![\w.])", RegexOptions.IgnoreCase);
            var others = new List<string>();
            foreach (var passage in passages)
            {
                foreach (Match m in pattern.Matches(passage.Text))
                {
                    if (History().IsMatch(m.Groups["before"].Value))
                    {
                        continue;
                    }

                    mentions++;
                    var stated = m.Groups["version"].Value;
                    if (!Agrees(tech.Version, stated, m.Groups["min"].Success))
                    {
                        others.Add($"{stated}{(m.Groups["min"].Success ? "+" : "")} in {passage.Location}");
                    }
                }
            }

            if (others.Count > 0)
            {
                findings.Add(new Contradiction(tech.Name, $"{tech.Version} in design.technologies vs {string.Join(", ", others.Distinct(StringComparer.Ordinal))}"));
            }
        }

        return new CheckResult(Id, Title, $"{view.Design.Technologies.Count} technologies, {mentions} versioned mentions", findings, "technology(ies) named with two versions");
    }

    /// <summary>The mention agrees when it matches the pick at the mention's precision, or is a minimum the pick meets.</summary>
    internal static bool Agrees(string chosen, string stated, bool minimum)
    {
        var pick = Parts(chosen);
        var said = Parts(stated);
        if (pick.Count == 0 || said.Count == 0)
        {
            return true;
        }

        if (minimum)
        {
            for (var i = 0; i < Math.Min(pick.Count, said.Count); i++)
            {
                if (pick[i] != said[i])
                {
                    return pick[i] > said[i];
                }
            }

            return true;
        }

        return said.Zip(pick).All(p => p.First == p.Second);
    }

    private static List<int> Parts(string version) =>
        [.. VersionPrefix().Match(version).Value.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(p => int.TryParse(p, out var n) ? n : -1).TakeWhile(n => n >= 0)];

    [GeneratedRegex(@"\b(?:since|than|before|until|from|after|older|earlier|pre|replaces?|upgrade)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex History();

    [GeneratedRegex(@"^\d+(?:\.\d+)*")]
    private static partial Regex VersionPrefix();
}
