namespace ArchitectAgents.Mcp;

/// <summary>The resource URIs of deliverables: <c>architect://runs/{runId}/deliverables/{name}</c>.</summary>
internal static class DeliverableUris
{
    public static string Of(string runId, string name) => $"architect://runs/{Uri.EscapeDataString(runId)}/deliverables/{Uri.EscapeDataString(name)}";
}
