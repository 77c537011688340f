namespace ArchitectAgents.Core.Verification;

/// <summary>Section <c>Verification:Registries</c>: base URLs of the package registries (no trailing slash needed).</summary>
public sealed class RegistryOptions
{
    /// <summary>False skips the registries.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>NuGet (flat container API under <c>/v3-flatcontainer</c>).</summary>
    public string NuGet { get; set; } = "https://api.nuget.org";

    /// <summary>npm registry.</summary>
    public string Npm { get; set; } = "https://registry.npmjs.org";

    /// <summary>PyPI (JSON API under <c>/pypi</c>).</summary>
    public string PyPI { get; set; } = "https://pypi.org";

    /// <summary>Maven Central repository root (<c>maven-metadata.xml</c> per artifact).</summary>
    public string Maven { get; set; } = "https://repo1.maven.org/maven2";

    /// <summary>Go module proxy.</summary>
    public string GoProxy { get; set; } = "https://proxy.golang.org";

    /// <summary>crates.io.</summary>
    public string CratesIo { get; set; } = "https://crates.io";

    /// <summary>Docker Hub (tags API under <c>/v2/repositories</c>).</summary>
    public string DockerHub { get; set; } = "https://hub.docker.com";
}
