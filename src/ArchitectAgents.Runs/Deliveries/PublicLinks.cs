namespace ArchitectAgents.Runs.Deliveries;

/// <summary>Where the service is reachable from outside (section <c>Webhooks</c>, key <c>PublicBaseUrl</c>), for links in messages.</summary>
public sealed class PublicLinks
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>Base URL of this service as seen by ticket readers and callback receivers, for example https://architect.example.com.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>An absolute link when the base URL is known, otherwise the path alone.</summary>
    public string Link(string path) => PublicBaseUrl is { Length: > 0 } root ? root.TrimEnd('/') + path : path;

    /// <summary>The run resource.</summary>
    public string Run(string runId) => Link($"/v1/runs/{runId}");

    /// <summary>The deliverables as a zip.</summary>
    public string Deliverables(string runId) => Link($"/v1/runs/{runId}/deliverables.zip");
}
