using ArchitectAgents.Core.Offline;
using ArchitectAgents.Core.Verification;
using Microsoft.Extensions.Configuration;

namespace ArchitectAgents.Runs.Verification;

/// <summary>Reads <see cref="VerificationOptions"/> and wires the lookup-backed verifier the same way for the service and the CLI.</summary>
public static class VerificationConfiguration
{
    /// <summary>Section <c>Verification</c>.</summary>
    public static VerificationOptions Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(VerificationOptions.SectionName).Get<VerificationOptions>() ?? new VerificationOptions();
    }

    /// <summary>The HTTP client for registries and advisories: per-lookup timeouts come from the verifier, so none here.</summary>
    public static HttpClient CreateHttpClient(VerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        return http;
    }

    /// <summary>
    /// When verification is enabled, makes <paramref name="provider"/>'s <c>docs-verifier</c> the lookup-backed one;
    /// otherwise leaves the offline catalogue verifier in place.
    /// </summary>
    public static OfflineAgentProvider UseVerification(this OfflineAgentProvider provider, VerificationOptions options, Func<TechnologyVerifier> verifier)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(options);
        return options.Enabled ? provider.With("docs-verifier", () => new LookupDocsVerifierAgent(verifier())) : provider;
    }
}
