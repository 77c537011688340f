namespace ArchitectAgents.Core.Verification;

/// <summary>What a package registry said about a package.</summary>
/// <param name="Registry">Registry name, for example <c>npm</c> or <c>Docker Hub</c>.</param>
/// <param name="Package">Package, module, artifact or image.</param>
/// <param name="LatestStable">Newest stable release (pre-releases ignored).</param>
/// <param name="Url">The URL that was asked.</param>
/// <param name="CheckedAt">When it was asked (UTC, ISO 8601).</param>
public sealed record RegistryLookup(string Registry, string Package, string LatestStable, string Url, string CheckedAt);
