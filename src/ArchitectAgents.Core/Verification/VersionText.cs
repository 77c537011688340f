using System.Globalization;
using System.Text.RegularExpressions;

namespace ArchitectAgents.Core.Verification;

/// <summary>
/// Version strings across ecosystems (SemVer, PEP 440, Maven qualifiers, Go's v-prefix, Docker tags): which are
/// stable, which is newest, and whether a newer release leaves a chosen version behind.
/// </summary>
public static partial class VersionText
{
    /// <summary>The numeric release parts of <paramref name="version"/> (<c>v1.12.0</c> gives 1, 12, 0); empty when it has none.</summary>
    public static IReadOnlyList<long> Numbers(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var match = Leading().Match(version.Trim());
        return match.Success
            ? [.. match.Groups[1].Value.Split('.').Select(p => long.Parse(p, CultureInfo.InvariantCulture))]
            : [];
    }

    /// <summary>
    /// True for a final release: numbers only, optionally with a final-release qualifier (<c>.Final</c>,
    /// <c>.RELEASE</c>, <c>.GA</c>). Pre-releases (<c>-rc.1</c>, <c>b2</c>, <c>.dev0</c>, <c>-M1</c>, <c>-SNAPSHOT</c>)
    /// and Go pseudo-versions are not stable.
    /// </summary>
    public static bool IsStable(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var match = Leading().Match(version.Trim());
        if (!match.Success)
        {
            return false;
        }

        var rest = version.Trim()[match.Length..];
        return rest.Length == 0 || FinalQualifier().IsMatch(rest);
    }

    /// <summary>Orders versions by their numeric parts (missing parts count as zero).</summary>
    public static int Compare(string left, string right)
    {
        var a = Numbers(left);
        var b = Numbers(right);
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            var x = i < a.Count ? a[i] : 0;
            var y = i < b.Count ? b[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }

    /// <summary>The newest stable version of <paramref name="versions"/>, or null when none is stable.</summary>
    public static string? LatestStable(IEnumerable<string> versions) =>
        versions.Where(IsStable).Aggregate((string?)null, (best, v) => best is null || Compare(v, best) > 0 ? v : best);

    /// <summary>
    /// True when <paramref name="latest"/> is ahead of <paramref name="chosen"/> at the precision the chosen version
    /// states: <c>8.2</c> is not behind <c>8.2.3</c> (a patch line), but it is behind <c>8.4.0</c>.
    /// </summary>
    public static bool IsBehind(string chosen, string latest)
    {
        var c = Numbers(chosen);
        var l = Numbers(latest);
        if (c.Count == 0 || l.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < c.Count; i++)
        {
            var y = i < l.Count ? l[i] : 0;
            if (c[i] != y)
            {
                return y > c[i];
            }
        }

        return false;
    }

    [GeneratedRegex(@"^[vV]?(\d+(?:\.\d+)*)")]
    private static partial Regex Leading();

    [GeneratedRegex(@"^[.-](?:Final|RELEASE|GA)$", RegexOptions.IgnoreCase)]
    private static partial Regex FinalQualifier();
}
