namespace ArchitectAgents.Core.Verification;

/// <summary>Section <c>Verification:Osv</c>: an OSV-compatible advisory API (<c>POST {Endpoint}/v1/query</c>).</summary>
public sealed class OsvOptions
{
    /// <summary>False skips the advisory check.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>API base.</summary>
    public string Endpoint { get; set; } = "https://api.osv.dev";

    /// <summary>Page on which an advisory id is shown to people.</summary>
    public string AdvisoryPage { get; set; } = "https://osv.dev/vulnerability/";
}
