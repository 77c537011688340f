using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Verification;

/// <summary>Where a catalogue technology lives in a registry and in the advisory database.</summary>
/// <param name="Registry">Registry key: nuget, npm, pypi, maven, go, crates, docker.</param>
/// <param name="Package">Name in that registry.</param>
/// <param name="OsvEcosystem">OSV ecosystem name, or null when OSV has none (container images).</param>
public sealed record PackageCoordinates(string Registry, string Package, string? OsvEcosystem)
{
    /// <summary>The coordinates of <paramref name="tech"/>, or null when no registry covers it (runtimes, managed services).</summary>
    public static PackageCoordinates? Of(TechnologyInfo tech)
    {
        ArgumentNullException.ThrowIfNull(tech);
        if (tech.Package.Length > 0)
        {
            var ecosystem = tech.Ecosystem.ToLowerInvariant() switch
            {
                "nuget" => ("nuget", "NuGet"),
                "npm" => ("npm", "npm"),
                "pypi" => ("pypi", "PyPI"),
                "maven" => ("maven", "Maven"),
                "go" => ("go", "Go"),
                "cargo" or "crates" or "crates.io" => ("crates", "crates.io"),
                _ => ((string, string)?)null,
            };
            if (ecosystem is { } e)
            {
                return new PackageCoordinates(e.Item1, tech.Package, e.Item2);
            }
        }

        return tech.Image.Length > 0 ? new PackageCoordinates("docker", tech.Image, null) : null;
    }
}
